"""The file model: what an analyst may write in a targets file, and what is refused (contract 2, 7).

`fields` holds the values (points in time, dates, sources), `tables` the tables every target shares
and the rules that tie keys together, `kinds` one module per kind of target with the registry, and
`targets_file` the whole file. Built on pydantic and the engine's timeline; imports no I/O,
rendering or command-line code.
"""
