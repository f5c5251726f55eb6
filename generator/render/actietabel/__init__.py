"""The POK action table: the model of the table (``build``) and one module per output format."""
