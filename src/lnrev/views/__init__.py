"""Views: reports rendered for people and scripts.

`environment` describes where output goes; `output` is the one path every report takes (a view
and a format); `json_document`, `csv_table` and `markdown` render for scripts and documents;
`terminal` builds the rich tables, `chart` computes what the trajectory chart shows and `plot` draws
it; `wording` holds the numbers and sentences all of them share. Views read reports, the file model
and the engine; they never import the command line.
"""
