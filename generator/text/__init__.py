"""Text from the data: Markdown parsed once (``markdown``) into one small tree (``model``) that
every writer walks, and the HTML writer of that tree (``html``)."""
