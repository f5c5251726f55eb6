"""Reading and checking data: the first stage of every command.

A data folder is read file by file (``datafiles``: regular files inside the folder only, with a
byte limit; ``yamlsource``: YAML with the line and column of every value), each file validated
by the model of its kind (``kinds/``, ``fields``; ``messages`` turns pydantic's errors into
sentences an editor can act on), and cross-checked (``dataset``). Every problem is collected in
``diagnostics``. ``history`` reads the folder as it was in an earlier git commit. Nothing here
renders or writes.
"""
