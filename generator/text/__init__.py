"""Text from the data, and the language it is shown in: Markdown parsed once (``markdown``) into
one small tree (``model``) that every writer walks; that tree as HTML (``html``) and as lines for
table cells and spreadsheets (``lines``); Dutch dates, deadlines and numbers (``dutch``).
"""
