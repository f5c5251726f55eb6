"""statusgen: reporting documents of the hersteloperatie kinderopvangtoeslag, built from YAML."""

__version__ = "0.1.0"
