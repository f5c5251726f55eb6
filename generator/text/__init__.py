"""Text from the data, and the language it is shown in: Markdown parsed once (``markdown``) into
one small tree (``model``) that every writer walks; that tree as HTML (``html``), as lines for
table cells and spreadsheets (``lines``) and back as GitHub Markdown, escaped (``gfm``); Dutch
dates, deadlines and numbers (``dutch``).
"""
