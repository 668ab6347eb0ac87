"""A telephone number as written becomes the `tel:` address a phone dials."""

from __future__ import annotations

import pytest

from committee_papers.addresses import tel_address


@pytest.mark.parametrize(
    "written, dialled",
    [
        ("01632 960511", "tel:01632960511"),
        ("(01446) 709855", "tel:01446709855"),
        ("+44 (0)1632 960-100", "tel:+4401632960100"),
        ("01632 960100 ext. 214", "tel:01632960100;ext=214"),
        ("01632.960.100 x12", "tel:01632960100;ext=12"),
    ],
)
def test_a_number_is_dialled_as_its_digits(written, dialled):
    assert tel_address(written) == dialled
