"""Reports: what lnrev says about a whole file, as data (pure: no I/O, no rendering).

`status` assesses every target through its kind and counts the verdicts, `selection` filters and
orders assessments for a view, `bibliography` gathers the file's sources. Reports build on the file
model and the engine; views render them.
"""
