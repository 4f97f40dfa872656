"""The targets file on disk: finding and reading it, and editing it without ever damaging it.

`loading` finds, reads and validates a file (`parsing` for TOML, `key_lines` for the line of each
key, `messages` for validation errors in the analyst's words); `editing` changes it under a lock
(`atomic` writes), `csv_rows` reads observations to import, `typed_values` reads what a person
types, `schema` gives the JSON Schema. Builds on the file model; never renders or parses options.
"""
