"""The page for people, driven in a real browser (headless Chromium through Selenium).

Starts `twitchcheck-serve` on a free loopback port, types a list into the form the way a
person would, submits it, and reads the result. Screenshots of the result page at 1280 and
390 pixels wide are written to $TWITCHCHECK_ARTIFACTS (default .build-artifacts/page/); with
TWITCHCHECK_UPDATE_SCREENSHOTS=1 they are also copied to Docs/screenshots/ for the README.

Run: python3 -m pytest Tests/Browser -q   (after `swift build --product twitchcheck-serve`)
"""
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("TWITCHCHECK_ARTIFACTS", ROOT / ".build-artifacts" / "page"))
SERVER = Path(os.environ.get("TWITCHCHECK_SERVE", ROOT / ".build" / "debug" / "twitchcheck-serve"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not SERVER.exists():
        pytest.fail(f"{SERVER} is missing: run `swift build --product twitchcheck-serve` first")
    port = free_port()
    data = tmp_path_factory.mktemp("data")
    env = dict(os.environ, XDG_DATA_HOME=str(data))
    log = open(data / "serve.log", "w")
    process = subprocess.Popen([str(SERVER), "--host", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail("the server did not start:\n" + (data / "serve.log").read_text())
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    yield driver
    driver.quit()


def verdict_after_submitting(browser):
    """The result page's verdict, once the browser has loaded it (a first check can take a
    moment: the server loads its suggestion index on the first name it does not recognise)."""
    return WebDriverWait(browser, 60).until(expected_conditions.presence_of_element_located((By.ID, "verdict"))).text


def check_list(browser, server, text):
    browser.get(server + "/")
    box = browser.find_element(By.ID, "medications")
    box.clear()
    box.send_keys(text)
    browser.find_element(By.CSS_SELECTOR, "form.list button[type=submit]").click()
    return verdict_after_submitting(browser)


def test_a_typed_list_gets_its_verdict_first(browser, server):
    verdict = check_list(browser, server, "Zoloft 50mg\ntramadol\nVentolin inhaler\nsertralin")
    assert verdict.startswith("MAJOR"), verdict
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h1, main h2")]
    assert headings[0] == verdict
    assert headings.index("Not checked") < headings.index("Findings, most serious first")
    finding = browser.find_element(By.CSS_SELECTOR, "article.finding.major h3").text
    assert "Serotonin syndrome" in finding and "sertraline + tramadol" in finding
    assert "This is not medical advice." in browser.find_element(By.TAG_NAME, "footer").text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        browser.set_window_size(width, 900)
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, max(900, min(height + 120, 6000)))
        shot = ARTIFACTS / f"result-{width}.png"
        browser.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("TWITCHCHECK_UPDATE_SCREENSHOTS") == "1":
            target = ROOT / "Docs" / "screenshots"
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, target / shot.name)
    browser.set_window_size(1280, 900)


def test_a_suggestion_is_one_click_away(browser, server):
    check_list(browser, server, "sertralin, tramadol")
    button = browser.find_element(By.CSS_SELECTOR, "form.suggestion button")
    assert button.text == "sertraline"
    button.click()
    WebDriverWait(browser, 60).until(expected_conditions.staleness_of(button))
    assert verdict_after_submitting(browser).startswith("MAJOR")
    assert browser.find_elements(By.ID, "not-checked") == []


def test_the_keyboard_reaches_the_form_and_submits_it(browser, server):
    browser.get(server + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)  # the skip link
    body.send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    assert active.get_attribute("id") in ("medications", None) or active.tag_name == "a"
    box = browser.find_element(By.ID, "medications")
    label = browser.find_element(By.CSS_SELECTOR, "label[for=medications]")
    assert label.text == "Medications"
    box.send_keys("phenelzine\nmeperidine")
    box.send_keys(Keys.TAB, Keys.ENTER)
    assert verdict_after_submitting(browser).startswith("CONTRAINDICATED")


def test_hostile_input_is_shown_not_run(browser, server):
    check_list(browser, server, "<img src=x onerror=\"document.title='owned'\">\ntramadol")
    assert browser.title != "owned"
    typed = browser.find_element(By.CSS_SELECTOR, ".not-checked .typed").text
    assert typed.startswith("<img src=x")
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []


def test_the_page_sets_a_strict_content_security_policy(server):
    with urllib.request.urlopen(server + "/") as response:
        policy = response.headers["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'")
    assert "script-src" not in policy
