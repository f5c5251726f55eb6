"""What changed between two versions of the data (``statusgen diff``): ``compare`` finds the
changes; ``markdown`` and ``json`` write them."""
