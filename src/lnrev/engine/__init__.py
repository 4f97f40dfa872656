"""The engine: the arithmetic of the assessment contract, pure and file-agnostic.

It owns decimal time (`timeline`), the formulas of contract section 3 (`formulas`), the verdicts and
their thresholds (`verdicts`), the level assessment on readings in time order (`course`) and the
result types every view reads (`results`). It knows nothing of TOML, pydantic, rich or typer, and
imports nothing from lnrev outside this package: every other layer builds on it.
"""
