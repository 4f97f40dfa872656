"""Reliability, part 3: no edit lands in the wrong place, bounded time and memory on any input,
no injection, and exit codes and signals as documented (docs/reliability.md)."""

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest
import tomlkit
from typer.testing import CliRunner

from lnrev.cli import app

runner = CliRunner()
LNREV = str(Path(sys.executable).with_name("lnrev"))
BOUND = 60
"""Seconds a subprocess may take on a hostile input before the test fails: a bound on a case that
took minutes to hours before, far above the second or so it takes now (speed lives in bench/)."""


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    if "stdout" not in kwargs and "stderr" not in kwargs:
        kwargs.setdefault("capture_output", True)
    return subprocess.run([LNREV, *args], timeout=BOUND, check=False, **kwargs)


TARGET_A = "[targets.'a']\nname = \"A\"\ntarget = { value = 50, by = 2030 }\n"
QUOTING_NOTE = (
    '[targets.b]\nname = "B"\ntarget = { value = 50, by = 2030 }\nnote = """\nquoting:\n'
    '[targets.a]\nname = "A"\ntarget = { value = 50, by = 2030 }\n[end]\n"""\n\n'
)


# An edit never lands in the wrong place


def test_record_writes_into_the_target_not_into_a_note_that_quotes_its_header(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(QUOTING_NOTE + TARGET_A)
    before = tomllib.loads(path.read_text())
    result = invoke("record", "a", "41", "--at", "2022", "--source", "s", "-f", str(path))
    assert result.exit_code == 0, result.stderr
    after = tomllib.loads(path.read_text())
    assert after["targets"]["b"] == before["targets"]["b"]  # the note as it was
    assert after["targets"]["a"]["observations"] == [{"at": 2022, "value": 41.0, "source": "s"}]


def test_remove_removes_the_target_not_the_text_quoted_in_a_note(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(QUOTING_NOTE + TARGET_A)
    before = tomllib.loads(path.read_text())
    result = invoke("remove", "a", "--yes", "-f", str(path))
    assert result.exit_code == 0, result.stderr
    assert tomllib.loads(path.read_text()) == {"targets": {"b": before["targets"]["b"]}}


def test_an_edit_that_would_change_anything_else_is_not_written(tmp_path, monkeypatch):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A.replace("'a'", "a") + '[targets.b]\nname = "B"\n'
                    "target = { value = 50, by = 2030 }\n")  # fmt: skip
    original = path.read_bytes()
    dumps = tomlkit.dumps
    monkeypatch.setattr(tomlkit, "dumps", lambda doc: dumps(doc).replace('"A"', '"Z"'))
    result = invoke("record", "a", "41", "--at", "2022", "--source", "s", "-f", str(path))
    assert result.exit_code == 3
    assert result.stderr == (
        f"{path}: the edit would change more than it should; nothing was written\n"
    )
    assert path.read_bytes() == original


def test_a_header_quoted_in_a_literal_string_or_written_otherwise_is_found_by_its_key(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(
        "[targets.b]\nname = \"B\"\ntarget = { value = 50, by = 2030 }\nnote = '''\n"
        '[targets.a]\n\'\'\'\n\n[ targets . "a" ]  # spaced and quoted\nname = "A"\n'
        "target = { value = 50, by = 2030 }\n"
    )
    result = invoke("record", "a", "41", "--at", "2022", "--source", "s", "-f", str(path))
    assert result.exit_code == 0, result.stderr
    after = tomllib.loads(path.read_text())
    assert after["targets"]["b"]["note"] == "[targets.a]\n"
    assert after["targets"]["a"]["observations"][0]["value"] == 41.0


def test_a_line_of_a_bracket_and_fifty_thousand_spaces_in_a_note_is_no_trap(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A + 'note = """\n[' + " " * 50_000 + '\n"""\n')
    result = run("record", "a", "41", "--at", "2022", "--source", "s", "-f", str(path))
    assert result.returncode == 0, result.stderr
    assert tomllib.loads(path.read_text())["targets"]["a"]["observations"][0]["value"] == 41.0


# Line endings


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode()


def only_crlf(raw: bytes) -> bool:
    return raw.count(b"\r\n") == raw.count(b"\n") > 0


@pytest.mark.parametrize(
    "args",
    [
        ["record", "a", "41", "--at", "2022", "--source", "s", "--note", "n"],
        ["add", "b", "--name", "B", "--target", "1", "--by", "2030", "--note", "x"],
        ["remove", "a", "--yes"],
    ],
)
def test_record_add_and_remove_keep_a_crlf_files_line_endings(tmp_path, args):
    path = tmp_path / "t.toml"
    path.write_bytes(crlf("# comment\n" + TARGET_A.replace("'a'", "a") + '\n[targets.c]\nname = "C"\n'
                          "target = { value = 50, by = 2030 }\n"))  # fmt: skip
    result = invoke(*args, "-f", str(path))
    assert result.exit_code == 0, result.stderr
    assert only_crlf(path.read_bytes())


def editor_script(tmp_path: Path, body: str) -> str:
    """An $EDITOR: a Python script given the copy's path as sys.argv[1]."""
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\ncopy = pathlib.Path(sys.argv[1])\n" + body)
    return f"{sys.executable} {script}"


def test_edit_with_no_change_leaves_a_crlf_file_byte_for_byte(tmp_path, monkeypatch):
    path = tmp_path / "t.toml"
    path.write_bytes(crlf(TARGET_A))
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, "pass\n"))
    result = invoke("edit", "-f", str(path))
    assert (result.exit_code, result.stdout) == (0, f"no change to {path}\n")
    assert path.read_bytes() == crlf(TARGET_A)


# edit keeps the user's work


def test_edit_keeps_the_edited_copy_when_the_file_changed_meanwhile(tmp_path, monkeypatch):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A)
    body = (
        "copy.write_text(copy.read_text().replace('\"A\"', '\"mine\"'))\n"
        f"pathlib.Path({str(path)!r}).write_text({(TARGET_A + '# theirs' + chr(10))!r})\n"
    )
    monkeypatch.setenv("EDITOR", editor_script(tmp_path, body))
    result = invoke("edit", "-f", str(path))
    assert result.exit_code == 3
    line = result.stderr.strip()
    assert line.startswith(f"{path}: changed while it was being edited; not written; ")
    kept = Path(line.rsplit(" ", 1)[1])
    assert 'name = "mine"' in kept.read_text()  # the work is there, where the message says
    assert path.read_text().endswith("# theirs\n")
    kept.unlink()


def non_utf8_then_fixed(tmp_path: Path) -> str:
    """An editor that saves a byte that is not UTF-8 the first time, and fixes it the second."""
    state = tmp_path / "tries"
    return editor_script(
        tmp_path,
        f"state = pathlib.Path({str(state)!r})\n"
        "tries = int(state.read_text()) if state.exists() else 0\n"
        "state.write_text(str(tries + 1))\n"
        "old, new = (b'\"A\"', b'\"\\xff\"') if tries == 0 else (b'\"\\xff\"', b'\"B\"')\n"
        "copy.write_bytes(copy.read_bytes().replace(old, new))\n",
    )


def test_an_editor_that_saves_non_utf8_gets_one_line_and_nothing_written(tmp_path, monkeypatch):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A)
    monkeypatch.setenv("EDITOR", non_utf8_then_fixed(tmp_path))
    result = invoke("edit", "-f", str(path))
    assert (result.exit_code, result.stderr) == (
        3,
        f"{path} (as edited):2: not UTF-8 text (byte 0xff)\n{path}: left as it was\n",
    )
    assert path.read_text() == TARGET_A


def on_a_terminal(args: list[str], answers: list[bytes]) -> tuple[int, bytes]:
    """Run lnrev on a pseudo-terminal, typing each answer after the next question; its exit
    code and everything it showed."""
    import pty

    pid, terminal = pty.fork()
    if pid == 0:  # the child: lnrev on a terminal
        os.execv(LNREV, [LNREV, *args])
    seen = b""
    for answer in answers:
        while not seen.rstrip().endswith(b":"):
            seen += os.read(terminal, 1024)
        os.write(terminal, answer)
        seen += b"\n"
    try:
        while chunk := os.read(terminal, 1024):
            seen += chunk
    except OSError:  # the terminal closes with the child
        pass
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), seen


def test_on_a_terminal_an_editor_that_saves_non_utf8_is_offered_another_go(tmp_path, monkeypatch):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A)
    monkeypatch.setenv("EDITOR", non_utf8_then_fixed(tmp_path))
    code, seen = on_a_terminal(["edit", "-f", str(path)], [b"y\n"])
    assert code == 0, seen
    assert b"(as edited):2: not UTF-8 text (byte 0xff)" in seen and b"edit again?" in seen
    assert b"internal error" not in seen
    assert tomllib.loads(path.read_text())["targets"]["a"]["name"] == "B"


# The output of an edit that was made


def test_an_edit_made_with_stdout_on_a_full_disk_exits_0_and_says_so_on_stderr(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A)
    with open("/dev/full", "w") as full:
        result = run("record", "a", "41", "--at", "2022", "--source", "s", "-f", str(path),
                     stdout=full, stderr=subprocess.PIPE)  # fmt: skip
    assert result.returncode == 0
    assert b"recorded targets.a" in result.stderr and b"cannot write the output" in result.stderr
    assert tomllib.loads(path.read_text())["targets"]["a"]["observations"][0]["value"] == 41.0


# -o and --export


def read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    reader = threading.Thread(target=lambda: into.append(path.read_bytes()), daemon=True)
    reader.start()
    return reader


@pytest.mark.parametrize(
    "args", [["report", "-o"], ["status", "--export"], ["gap", "clean-energy", "--export"]]
)
def test_output_into_a_fifo_is_written_as_a_stream_and_the_fifo_stays(tmp_path, args):
    fifo = tmp_path / "out.html"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = read_fifo(fifo, received)
    result = run(*args, str(fifo))
    reader.join(BOUND)
    assert result.returncode == 0, result.stderr
    assert fifo.is_fifo() and received
    assert received[0].lstrip().lower().startswith(b"<!doctype html>")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root makes device nodes")
@pytest.mark.parametrize("args", [["report", "-o"], ["status", "--export"]])
def test_output_into_a_device_leaves_the_device(tmp_path, args):
    device = tmp_path / "null.html"  # a null device of its own, so that a failure harms nothing
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = run(*args, str(device))
    assert result.returncode == 0, result.stderr
    assert device.is_char_device()


def test_an_export_onto_a_directory_is_refused(tmp_path):
    (tmp_path / "d.svg").mkdir()
    result = invoke("status", "--export", str(tmp_path / "d.svg"))
    assert (result.exit_code, result.stderr) == (
        3,
        f"{tmp_path / 'd.svg'}: is a directory; nothing was written\n",
    )


@pytest.mark.parametrize("given", [".", "", "..", "/tmp/"])
def test_init_onto_a_directory_is_a_clear_usage_error(given):
    result = invoke("init", given)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: PATH: ") and "is a directory" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# Bounded time and memory


def test_a_four_megabyte_file_with_one_typo_is_located_in_bounded_time(tmp_path):
    path = tmp_path / "big.toml"
    targets = [
        f'[targets.t{i}]\nname = "T{i} {"x" * 300}"\ntarget = {{ value = 50, by = 2030 }}\n'
        f"observations = [{{ at = 2021, value = 40 }}, {{ at = 2022, value = 41 }}]\n"
        for i in range(10_000)
    ]
    targets[9_000] = targets[9_000].replace("value = 50", 'value = "50"')
    path.write_text("".join(targets))
    result = run("validate", "-f", str(path))
    assert result.returncode == 3
    assert result.stderr.decode() == (
        f"{path}:36003: targets.t9000.target.value: expected a number, got '50'\n"
    )


@pytest.mark.parametrize(
    "value",
    [
        '"' + "{" * 150_000 + '}"',  # a string of braces: no pattern rescans from every brace
        "{ a = " * 25_000 + "1" + " }" * 25_000,  # inline tables nested too deeply to read
        "[" * 25_000 + "]" * 25_000,
    ],
)
def test_braces_and_deep_nesting_end_in_bounded_time(tmp_path, value):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A + f"x = {value}\n")
    for command in (
        ["validate"],
        ["status"],
        ["record", "a", "1", "--at", "2022", "--source", "s"],
    ):
        result = run(*command, "-f", str(path))
        assert result.returncode == 3, command
        assert b"internal error" not in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.parametrize("source", ["/dev/zero", "/dev/urandom", "fifo"])
@pytest.mark.parametrize("command", [["validate", "-f"], ["status", "-f"], ["import"]])
def test_what_is_not_a_regular_file_is_refused_unread(tmp_path, source, command):
    if source == "fifo":
        source = str(tmp_path / "fifo")
        os.mkfifo(source)  # never written: reading it would wait for ever
    (tmp_path / "targets.toml").write_text(TARGET_A)
    result = run(*command, source, cwd=tmp_path)
    assert (result.returncode, result.stderr.decode()) == (3, f"{source}: not a regular file\n")


@pytest.mark.parametrize("command", [["validate", "-f"], ["import"]])
def test_a_file_beyond_the_size_limit_is_refused_unread(tmp_path, command):
    sparse = tmp_path / "huge.toml"
    with sparse.open("wb") as stream:
        stream.truncate(2 * 1024**3)  # 2 GB of nothing, on no disk
    (tmp_path / "targets.toml").write_text(TARGET_A)
    result = run(*command, str(sparse), cwd=tmp_path)
    assert result.returncode == 3
    assert result.stderr.decode() == (
        f"{sparse}: larger than 200,000,000 bytes, the most lnrev reads;"
        " set $LNREV_MAX_FILE_SIZE to read a larger file\n"
    )


def test_the_size_limit_can_be_set_and_bounds_standard_input_too(tmp_path, monkeypatch):
    (tmp_path / "targets.toml").write_text(TARGET_A)
    monkeypatch.setenv("LNREV_MAX_FILE_SIZE", "40")
    result = invoke("validate")
    assert (result.exit_code, result.stderr) == (
        3,
        "targets.toml: larger than 40 bytes, the most lnrev reads;"
        " set $LNREV_MAX_FILE_SIZE to read a larger file\n",
    )
    monkeypatch.setenv("LNREV_MAX_FILE_SIZE", "1000")
    assert invoke("validate").exit_code == 0
    rows = "id,at,value,source\n" + "a,2022,1,s\n" * 100
    result = invoke("import", "-", input=rows)
    assert result.exit_code == 3 and result.stderr.startswith("standard input: larger than 1,000")


# No injection


MARKUP = "[link=https://evil.example]{}[/link]"
JS = "[link=javascript:alert(1)]{}[/link]"


def hostile_file() -> str:
    def q(text: str) -> str:
        return json.dumps(text)

    return f"""
[plan]
name = {q(MARKUP.format("P"))}
source = {q(JS.format("PS"))}

[targets.a]
name = {q(MARKUP.format("N"))}
unit = {q(MARKUP.format("U"))}
note = {q("[bold red]note[/bold red]")}
source = {{ title = {q(JS.format("T"))}, publisher = {q(MARKUP.format("Pub"))}, date = 2021 }}
target = {{ value = 50, by = 2030 }}
observations = [
  {{ at = 2021, value = 40, source = {q(JS.format("OS"))}, note = {q(JS.format("ON"))} }},
  {{ at = 2022, value = 42, source = "s" }},
]
expectations = [{{ at = 2023, value = 45, source = {q(JS.format("ES"))}, note = {q(MARKUP.format("EN"))} }}]

[targets.b]
kind = "change"
name = {q(MARKUP.format("C"))}
unit = {q(JS.format("CU"))}
target = {{ change = -13.5, by = 2025 }}
baseline = {{ at = 2020 }}
observations = [{{ at = 2021, yoy = -2.7, source = {q(MARKUP.format("CS"))} }}]
"""


TERMINAL_VIEWS = [
    ["status"],
    ["status", "--format", "markdown"],
    ["status", "--format", "csv"],
    ["status", "--json"],
    ["gap", "a"],
    ["gap", "b"],
    ["gap", "a", "--format", "markdown"],
    ["sources"],
    ["report", "--format", "markdown"],
    ["report"],
]


@pytest.mark.parametrize("view", TERMINAL_VIEWS, ids=" ".join)
@pytest.mark.parametrize("columns", ["80", "200"])
def test_markup_in_every_field_is_shown_as_written_in_every_view(tmp_path, view, columns):
    (tmp_path / "targets.toml").write_text(hostile_file())
    assert invoke("validate").exit_code == 0
    # a real terminal: rich would turn markup into OSC 8 hyperlinks here, if anywhere
    result = subprocess.run(
        ["script", "-qec", " ".join([LNREV, *view, "--as-of", "2024"]), "/dev/null"],
        capture_output=True, cwd=tmp_path, timeout=BOUND, check=False,
        env={**os.environ, "COLUMNS": columns, "TERM": "xterm-256color", "FORCE_COLOR": "1"},
    )  # fmt: skip
    out = result.stdout.decode()
    assert result.returncode == 0, out
    assert "\x1b]8;" not in out  # no hidden hyperlink
    assert 'href="https://evil' not in out and 'href="javascript' not in out
    assert "evil.example" in out or "javascript" in out or "[link" in out.replace("\\[", "[")


@pytest.mark.parametrize(
    "view", [["status"], ["gap", "a"], ["gap", "b"], ["sources"]], ids=" ".join
)
@pytest.mark.parametrize("suffix", [".html", ".svg"])
def test_markup_in_every_field_makes_no_link_in_an_export(tmp_path, view, suffix):
    (tmp_path / "targets.toml").write_text(hostile_file())
    result = invoke(*view, "--as-of", "2024", "--export", f"x{suffix}")
    assert result.exit_code == 0, result.stderr
    exported = (tmp_path / f"x{suffix}").read_text()
    assert "<a " not in exported and "href" not in exported
    assert "evil.example" in exported or "javascript" in exported


def test_the_report_page_makes_no_link_of_markup(tmp_path):
    (tmp_path / "targets.toml").write_text(hostile_file())
    assert invoke("report", "--as-of", "2024", "-o", "r.html").exit_code == 0
    page = (tmp_path / "r.html").read_text()
    assert 'href="https://evil' not in page and 'href="javascript' not in page


def test_json_escapes_c1_control_characters(tmp_path):
    (tmp_path / "targets.toml").write_text(
        '[targets.a]\nname = "A\\u009b31m\\u0085\\u009d0;x\\u009c"\n'
        "target = { value = 50, by = 2030 }\n"
    )
    for args in (["status", "--json"], ["gap", "a", "--json"], ["sources", "--json"]):
        out = invoke(*args).stdout
        assert not any("\x80" <= char <= "\x9f" for char in out), args
    out = invoke("status", "--json").stdout
    assert "A\\u009b31m\\u0085\\u009d0;x\\u009c" in out
    assert json.loads(out)["targets"][0]["name"] == "A\x9b31m\x850;x\x9c".replace("0;", "\x9d0;")


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    name = os.fsdecode(b"n\xff.toml")
    (tmp_path / name).write_text(TARGET_A)
    for encoding in (None, "utf-8"):
        env = {**os.environ, **({"PYTHONIOENCODING": encoding} if encoding else {})}
        result = run("status", "--json", "-f", name, cwd=tmp_path, env=env)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["file"] == "n\\xff.toml"
        table = run("status", "-f", name, cwd=tmp_path, env=env)
        assert table.returncode == 0 and b"n\\xff.toml" in table.stdout
    missing = run("validate", "-f", os.fsdecode(b"m\xfe.toml"), cwd=tmp_path)
    assert missing.stderr == b"m\\xfe.toml: no such file\n"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["record", "a", "41", "--at", "2022", "--source", b"s\xff"], "--source"),
        (["record", "a", "41", "--at", "2022", "--source", "s", "--note", b"\xfe"], "--note"),
        (["add", "b", "--name", b"N\xff", "--target", "1", "--by", "2030"], "--name"),
        (["add", "b", "--name", "N", "--unit", b"\xc3", "--target", "1", "--by", "2030"], "--unit"),
    ],
)
def test_an_argument_that_is_not_utf8_is_refused_in_one_line(tmp_path, args, option):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A)
    result = subprocess.run(
        [LNREV, *args, "-f", str(path)], capture_output=True, timeout=BOUND, check=False
    )
    assert (result.returncode, result.stderr.decode()) == (
        3,
        f"error: {option}: not UTF-8 text; nothing was written\n",
    )
    assert path.read_text() == TARGET_A
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.toml"]  # no temporary file left


def test_csv_on_standard_input_that_is_not_utf8_is_refused_in_one_line(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A)
    result = run("import", "-", "-f", str(path), input=b"id,at,value,source\na,2022,1,s\xff\n")
    assert (result.returncode, result.stderr) == (
        3,
        b"standard input:2: not UTF-8 text (byte 0xff)\n",
    )
    assert path.read_text() == TARGET_A
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.toml"]


SUBNORMAL = '[targets.a]\nname = "A"\ntarget = { value = 5e-324, by = 2030 }\n' + (
    "observations = [{ at = 2021, value = 0 }, { at = 2022, value = 5e-324 }]\n"
)
HUGE_PROGRESS = (
    '[targets.a]\nname = "A"\ntarget = { value = 1e-300, by = 2030 }\n'
    "baseline = { at = 2020, value = 0 }\n"
    "observations = [{ at = 2021, value = 1e7 }, { at = 2022, value = 2e7 }]\n"
)


@pytest.mark.parametrize("text", [SUBNORMAL, HUGE_PROGRESS], ids=["subnormal", "huge-progress"])
@pytest.mark.parametrize(
    "view",
    [["status"], ["status", "--format", "markdown"], ["gap", "a"], ["report"],
     ["report", "--format", "markdown"]],
    ids=" ".join,
)  # fmt: skip
def test_extreme_values_render_in_every_view(tmp_path, text, view):
    (tmp_path / "targets.toml").write_text(text)
    result = invoke(*view, "--as-of", "2024")
    assert result.exit_code == 0, result.stderr


def test_progress_beyond_a_float_is_shown_in_e_form(tmp_path):
    (tmp_path / "targets.toml").write_text(HUGE_PROGRESS)
    assert "2e+309% | 20%" in invoke("status", "--as-of", "2024").stdout


# Exit codes and signals


@pytest.mark.parametrize(
    ("args", "code"),
    [(["validate", "-f", "missing.toml"], 3), (["status", "--bogus"], 2), (["gap", "nope"], 2)],
)
def test_with_stderr_on_a_full_disk_errors_keep_their_exit_code(tmp_path, args, code):
    with open("/dev/full", "w") as full:
        result = run(*args, stderr=full, stdout=subprocess.DEVNULL)
    assert result.returncode == code


def test_an_interrupt_while_the_command_line_loads_is_exit_130_without_a_traceback():
    # Ctrl-C as typer is being imported
    script = (
        "import builtins, os, signal, sys\n"
        "real = builtins.__import__\n"
        "def interrupted(name, *args, **kwargs):\n"
        "    if name == 'typer':\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = interrupted\n"
        "from lnrev.console import main\n"
        "sys.argv = ['lnrev', 'status']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=BOUND, check=False
    )
    assert (result.returncode, result.stderr) == (130, b"lnrev: interrupted\n")


@pytest.mark.parametrize("delay", [0.01, 0.03, 0.06])
def test_ctrl_c_early_in_start_up_prints_no_traceback(delay):
    """The interrupt comes `delay` after lnrev's console script has begun (Python's
    -X importtime says when the package `lnrev` is loaded), while the command line loads."""
    process = subprocess.Popen(
        [sys.executable, "-X", "importtime", LNREV, "status", "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    lines = []
    for line in process.stderr:
        lines.append(line)
        if line.split(b"|")[-1].strip() == b"lnrev":
            break
    threading.Event().wait(delay)
    process.send_signal(signal.SIGINT)
    lines.extend(process.stderr)
    process.wait(BOUND)
    err = b"".join(line for line in lines if not line.startswith(b"import time:"))
    assert b"Traceback" not in err
    assert err in (b"lnrev: interrupted\n", b"")  # an interrupt while output ends says nothing
    assert process.returncode == (130 if err else process.returncode) and process.returncode in (
        0,
        130,
    )


def test_ctrl_d_at_the_remove_prompt_means_no(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(TARGET_A)
    code, seen = on_a_terminal(["remove", "a", "-f", str(path)], [b"\x04"])
    assert code == 0, seen
    assert b"[y/N]" in seen and b"Traceback" not in seen
    assert path.read_text() == TARGET_A


@pytest.mark.parametrize("note", ["", 'note = """x"""\n'], ids=["by-section", "whole-file"])
def test_removing_the_only_target_leaves_the_rest(tmp_path, note):
    path = tmp_path / "t.toml"
    path.write_text('# head\n[plan]\nname = "P"\n\n' + TARGET_A + note)
    result = invoke("remove", "a", "--yes", "-f", str(path))
    assert result.exit_code == 0, result.stderr
    assert tomllib.loads(path.read_text()) == {"plan": {"name": "P"}}
