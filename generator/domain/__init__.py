"""The domain stage, between load and render: facts derived from the loaded data that more than
one output shows, derived once so that every output says the same (a work row's effective status,
an actiepunt's follow-up, what changed between two versions). Nothing here reads files or runs
git: what it needs is loaded before it."""
