"""Building the documents: one package or module per output, each with one entry point.

``deck`` (the SCT deck, PPTX), ``actietabel`` (the POK action table in five formats),
``rapportage`` (the progress report to the Kamer), ``planning`` (XLSX, CSV), ``deadlines`` (the
deadline radar: text, Markdown, iCalendar), ``diff`` (what changed between two versions). Shared
machinery: ``html`` (the one Jinja2 environment), ``pdf``, ``office`` (document properties),
``spreadsheet`` (cell limits). A renderer returns bytes; writing is ``generator.publish``'s job.
"""
