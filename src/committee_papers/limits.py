"""Every limit on what a council's papers may hold: one figure each, far beyond any real paper, keeping a build bounded.

docs/safety.md gives each figure with its reason; tests check a value just under
and just over each one.
"""

TEXT_FILE_BYTES = 2 * 1024 * 1024  # a report, minutes, meeting or YAML file (PAP002)
PDF_FILE_BYTES = 50 * 1024 * 1024  # a PDF appendix on disk (PAP002)
LINE_CHARACTERS = 20_000  # one line of any text file, about 3,000 words (PAP012)
PDF_PAGES = 1_000  # one PDF appendix (PAP013)
MEETING_PDF_PAGES = 3_000  # every PDF appendix of one meeting together (PAP013)
PDF_EXPANDED_BYTES = 50 * 1024 * 1024  # the drawing of a PDF appendix's pages, expanded (PAP014)
PDF_PAGE_SIDE = (3, 14_400)  # a PDF appendix page's width and height in points, as PDF itself advises (PAP017)
PDF_PAGE_REACH = 1_000_000  # how far from its origin a PDF page's corners may lie, in points (PAP017)
DOCX_EXPANDED_BYTES = 50 * 1024 * 1024  # every part of a Word document given to `papers import`, expanded (PAP019)
DOCX_TEXT_BYTES = 10 * 1024 * 1024  # its XML parts, which are read as the document's text (PAP019)
IMAGE_PIXELS = 50_000_000  # an image a report shows, or a councillor's photo (PAP015)
NUMBER_CHARACTERS = 1_000  # one number written in YAML, digits, signs and all (PAP018)
NESTING = 10  # lists and quotations inside one another (PAP330)
BLOCKS = 10_000  # paragraphs, headings, list items, table rows and cells of one document (PAP331)
TABLE_COLUMNS = 64  # one table (PAP332)
FIRST_YEAR, LAST_YEAR = 1900, 2199  # any date in the papers (PAP107)
