"""``stamps-pos doctor`` without a server: every check runs, each problem has a fix, the exit
code is the first failure's, ``--json`` is one document, and the database is not touched."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main, qt_libraries
from app.core.storage.migrate import head_revision

from ...support.odd_servers import Failing, LoginPage, redirecting_to, serving
from ...support.previous_release import create_database, stamp_revision

TOKEN = "doctor-test-token-5c1d"


@pytest.fixture
def till(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings for a till whose server does not answer (the discard port)."""
    monkeypatch.setenv("STAMPS_POS_CONFIG", str(tmp_path / "settings.toml"))
    monkeypatch.setenv("STAMPS_POS_BASE_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("STAMPS_POS_MERCHANT", "14")
    monkeypatch.setenv("STAMPS_POS_STORE", "32")
    monkeypatch.setenv("STAMPS_POS_CONNECT_TIMEOUT", "1")
    monkeypatch.setenv("STAMPS_POS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("STAMPS_POS_TOKEN", TOKEN)
    return tmp_path / "data"


def report(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    code = main(["doctor", "--json", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)


def by_name(document: dict) -> dict[str, dict]:
    return {check["name"]: check for check in document["checks"]}


def test_missing_settings_fail_with_a_fix_and_the_other_checks_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STAMPS_POS_CONFIG", str(tmp_path / "settings.toml"))
    code = main(["doctor"])
    out = capsys.readouterr().out
    assert code == 2
    assert "FAIL  settings: setting 'merchant' is required" in out
    assert "fix: fix the settings in" in out
    assert "ok    version: stamps-pos" in out
    assert "window libraries" in out
    assert out.rstrip().endswith("problems: settings")


def test_a_settings_path_holding_escape_codes_is_shown_not_obeyed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `--config` named a file whose name held a clear-screen, an RTL override and a line break:
    # doctor printed it raw, so the terminal cleared and the "fix:" line broke in two.
    folder = tmp_path / "till\x1b[2J\x1b[31mred\u202eevil\nnext"
    monkeypatch.delenv("STAMPS_POS_CONFIG", raising=False)
    assert main(["--config", str(folder / "settings.toml"), "doctor"]) == 2
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    [line] = [line for line in out.splitlines() if "FAIL  settings" in line]
    assert "till\\x1b[2J\\x1b[31mred\\u202eevil" in line
    [fix] = [line for line in out.splitlines() if line.lstrip().startswith("fix:")]
    assert fix.rstrip().endswith("or the environment")


def test_settings_refused_twice_read_as_sentences_on_the_one_line(
    till: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Each refusal ends with its full stop now (the window's words): "; " after it read ".;".
    monkeypatch.setenv("STAMPS_POS_MERCHANT", "0")
    monkeypatch.setenv("STAMPS_POS_STORE", "0")
    assert main(["doctor"]) == 2
    [line] = [line for line in capsys.readouterr().out.splitlines() if "FAIL  settings" in line]
    assert "This must be more than 0. setting 'store'" in line
    assert ".;" not in line


def test_an_unreachable_server_exits_3_and_the_report_is_json(
    till: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, document = report(capsys)
    checks = by_name(document)
    assert code == 3 and document["exit_code"] == 3 and document["ok"] is False
    assert checks["server"]["status"] == "fail" and checks["server"]["fix"]
    assert checks["settings"]["status"] == "ok"
    assert document["settings"]["values"]["merchant"] == 14
    assert TOKEN not in json.dumps(document)


def test_the_window_s_missing_libraries_are_a_failure_with_the_command(
    till: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")

    def load(soname: str) -> object:
        if soname == "libxcb-cursor.so.0":
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")
        return object()

    monkeypatch.setattr(qt_libraries, "_load", load)
    code, document = report(capsys)
    libraries = by_name(document)["window libraries"]
    assert code == 2  # the first failure: before the server's
    assert libraries["status"] == "fail"
    assert libraries["data"]["missing"] == ["libxcb-cursor.so.0"]
    assert "apt install libxcb-cursor0" in libraries["fix"]


def test_offscreen_needs_no_libraries(till: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, document = report(capsys)
    assert by_name(document)["window libraries"]["status"] == "ok"


def test_the_database_is_read_and_not_migrated(
    till: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    till.mkdir(mode=0o700)
    create_database(till / "stamps-pos.db", "0003")
    _, document = report(capsys)
    database = by_name(document)["database"]
    assert database["status"] == "ok" and database["data"]["revision"] == "0003"
    assert document["queue"]["pending"] == 0
    _, again = report(capsys)
    assert by_name(again)["database"]["data"]["revision"] == "0003"
    assert head_revision() != "0003"


def test_a_database_from_a_newer_release_is_a_failure(
    till: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    till.mkdir(mode=0o700)
    create_database(till / "stamps-pos.db")
    stamp_revision(till / "stamps-pos.db", "0099")
    code = main(["doctor"])
    out = capsys.readouterr().out
    assert code == 2
    assert "FAIL  database:" in out and "'0099'" in out


def test_no_token_fails_and_the_server_is_not_asked(
    till: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("STAMPS_POS_TOKEN")
    code, document = report(capsys)
    checks = by_name(document)
    assert code == 2
    assert checks["token"]["status"] == "fail" and "token set" in checks["token"]["fix"]
    assert "server" not in checks and "dns" not in checks


@pytest.fixture
def redirecting(till: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # echoing the token in the new address, as a careless proxy might
    elsewhere = redirecting_to(f"https://stamps.example:8443/api/ping?token={TOKEN}")
    with serving(elsewhere) as url:
        monkeypatch.setenv("STAMPS_POS_BASE_URL", url)
        yield


@pytest.fixture
def login_page(till: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with serving(LoginPage) as url:
        monkeypatch.setenv("STAMPS_POS_BASE_URL", url)
        yield


def test_a_server_that_redirects_names_where_to_so_base_url_can_be_set(
    redirecting: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, document = report(capsys)
    server = by_name(document)["server"]
    assert code == 3 and server["status"] == "fail"
    assert "https://stamps.example:8443" in server["detail"]
    assert "base_url" in server["fix"] and "https://stamps.example:8443" in server["fix"]
    assert TOKEN not in json.dumps(document) and "token=" not in json.dumps(document)


def test_a_wifi_login_page_answering_for_the_server_says_to_sign_in_to_the_network(
    login_page: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, document = report(capsys)
    server = by_name(document)["server"]
    assert code == 3 and server["status"] == "fail"
    assert "a web page answered" in server["detail"]
    assert "login page" in server["fix"]


def test_a_failing_server_is_said_in_a_sentence_with_the_record_behind_it(
    till: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # It printed the record alone ("/api/ping: 500 Internal Server Error"): a manager read no
    # sentence, and support had no class to go on.
    with serving(Failing) as url:
        monkeypatch.setenv("STAMPS_POS_BASE_URL", url)
        code = main(["doctor"])
        out = capsys.readouterr().out
        _, document = report(capsys)
    assert code == 3
    lines = out.splitlines()
    [at] = [n for n, line in enumerate(lines) if line.startswith("FAIL  server:")]
    assert "the Stamps server answers with an error (500): it is failing" in lines[at]
    assert lines[at + 1].strip() == "detail: /api/ping: ServerError: 500 Internal Server Error"
    server = by_name(document)["server"]
    assert server["data"] == {
        "status_code": 500,
        "record": "/api/ping: ServerError: 500 Internal Server Error",
    }


def test_a_variable_that_names_no_setting_is_a_warning_naming_it(
    till: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # STAMPS_POS_DATADIR (for DATA_DIR) in a unit was ignored without a word: the till kept its
    # data in the default folder, and doctor said every setting was fine.
    before, document = report(capsys)
    assert "environment" not in by_name(document)  # none: nothing said
    monkeypatch.setenv("STAMPS_POS_DATADIR", str(till / "elsewhere"))
    code, document = report(capsys)
    assert code == before  # a warning: the exit code is the failures'
    check = by_name(document)["environment"]
    assert check["status"] == "warn"
    assert check["detail"] == "STAMPS_POS_DATADIR is no setting of stamps-pos: the till ignores it"
