"""The adapter: every use of MkDocs and Material for MkDocs.

The core (model, loading, checks, markdown, render, pages, outputs, packs and
the build pipeline in `committee_papers.pipeline`) never imports MkDocs or
Material; `tests/test_architecture.py` enforces it. Each private name used here
is listed in `shims/internals.py` with the version it was written against, and
`tests/adapter/test_material_internals.py` fails loudly when one changes. The
shims over pypdf's and mdit-py-plugins' internals are in `committee_papers.shims`.

- `config.py`: reading mkdocs.yml (or the default settings) into the build's options;
- `plugin.py`: the MkDocs plugin, hooks only, each handing over to the pipeline;
- `run.py`: `papers build` as a MkDocs build;
- `theme.py`: laying the core's pages into Material's page frame;
- `material_search.py`: keeping Material's search entries of pages a build keeps;
- `serve.py`: `papers serve`.
"""
