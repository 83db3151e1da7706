#!/usr/bin/python3
# test-e2e.py: drives the real Waymark like a user, through what a screen
# reader sees (AT-SPI) and a mouse and keyboard (xdotool):
#
#   start the app, make a map from a template, check that every control a
#   screen reader meets has a name, add a card by keyboard, drag
#   a card from the first stage to the third with the mouse, undo and redo,
#   press Escape during a second drag (nothing moves, nothing to undo),
#   drag an emotion point two levels up, present and move through the
#   slides with the keys a presenter uses, save to a path, and check the
#   saved file with `waymark export` and the point's score in it; add a
#   second persona and plot its emotion curve from the keyboard and with
#   the mouse.
#
# Run it under Xvfb and a D-Bus session (build-aux/test does both). It
# prints TAP; a missing tool is a skip, not a failure.
#
# Copyright 2026 The Waymark developers
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

STEP_TIMEOUT = 20.0

results = []


def log(message):
    print(message, file=sys.stderr, flush=True)


def skip_all(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


try:
    import gi
    gi.require_version("Atspi", "2.0")
    import pyatspi
except (ImportError, ValueError) as error:
    skip_all(f"pyatspi is missing ({error})")

for tool in ("xdotool",):
    if shutil.which(tool) is None:
        skip_all(f"{tool} is missing")
if not os.environ.get("DISPLAY"):
    skip_all("no X display")
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    skip_all("no D-Bus session bus")


def xdotool(*args):
    subprocess.run(["xdotool", *[str(a) for a in args]], check=True)


def wait_for(what, condition, timeout=STEP_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except Exception:  # the tree changes under us while we look
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def walk(accessible, depth=0):
    if accessible is None or depth > 40:
        return
    yield accessible
    for index in range(accessible.childCount):
        try:
            child = accessible.getChildAtIndex(index)
        except Exception:
            continue
        yield from walk(child, depth + 1)


CONTROL_ROLES = ("push button", "toggle button", "check box", "radio button", "slider", "combo box",
                 "text", "entry", "spin button", "link")


def is_unnamed(name):
    """No name, GTK's stand-in (the widget's type), or a mnemonic read out."""
    name = name.strip()
    return not name or re.fullmatch(r"(Gtk|Adw)[A-Z]\w+", name) is not None or "_" in name


def controls_and_unnamed(root):
    """How many controls are under root, and those without a real name."""
    unnamed, seen = [], 0
    for accessible in walk(root):
        try:
            role = accessible.getRoleName()
            if role not in CONTROL_ROLES or not accessible.getState().contains(pyatspi.STATE_VISIBLE):
                continue
            seen += 1
            if is_unnamed(accessible.name):
                unnamed.append(f"{role} '{accessible.name}' in {accessible.parent.getRoleName()} "
                               f"'{accessible.parent.name}'")
        except Exception:
            continue
    return seen, unnamed


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == "waymark":
            return app
    return None


def find(root, role, name=None, contains=None):
    for accessible in walk(root):
        try:
            if accessible.getRoleName() != role:
                continue
            if name is not None and accessible.name != name:
                continue
            if contains is not None and contains not in accessible.name:
                continue
            if not accessible.getState().contains(pyatspi.STATE_VISIBLE):
                continue
            return accessible
        except Exception:
            continue
    return None


def find_named(root, name):
    for accessible in walk(root):
        try:
            if accessible.name == name:
                return accessible
        except Exception:
            continue
    return None


def find_all(root, role, contains):
    found = []
    for accessible in walk(root):
        try:
            if (accessible.getRoleName() == role and contains in accessible.name and
                    accessible.getState().contains(pyatspi.STATE_VISIBLE)):
                found.append(accessible)
        except Exception:
            continue
    return found


def center(accessible):
    extents = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return extents.x + extents.width // 2, extents.y + extents.height // 2


def top_left(accessible):
    extents = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return extents.x, extents.y


def click_action(accessible):
    action = accessible.queryAction()
    for index in range(action.nActions):
        if action.getName(index) == "click":
            action.doAction(index)
            return
    raise AssertionError(f"{accessible.name} has no click action")


def card(app, title):
    """The card widget whose accessible name starts with its title, or an
    empty template card whose hint, said as its description, is that text."""
    for accessible in walk(app):
        try:
            if accessible.getRoleName() != "push button":
                continue
            if not accessible.getState().contains(pyatspi.STATE_VISIBLE):
                continue
            if accessible.name.startswith(f"{title}, ") or accessible.description == f"Hint: {title}":
                return accessible
        except Exception:
            continue
    return None


def card_stage(app, title):
    accessible = card(app, title)
    return accessible.name.split(", ")[-2] if accessible else None


def drag(start, end, escape=False):
    # GTK needs a gradual approach and a pause before it takes a drop.
    # With escape, Escape is pressed while the button is still down.
    x1, y1 = start
    x2, y2 = end
    xdotool("mousemove", x1, y1)
    time.sleep(0.2)
    xdotool("mousedown", 1)
    for step in range(1, 11):
        xdotool("mousemove", x1 + (x2 - x1) * step // 10, y1 + (y2 - y1) * step // 10)
        time.sleep(0.05)
    time.sleep(0.2)
    xdotool("mousemove", x2 + 3, y2 + 3)
    time.sleep(0.1)
    xdotool("mousemove", x2, y2)
    time.sleep(0.2)
    if escape:
        xdotool("key", "Escape")
        time.sleep(0.3)
    xdotool("mouseup", 1)


def step(description, function):
    try:
        function()
        results.append((True, description, None))
        log(f"ok: {description}")
        return True
    except Exception as error:  # report, then stop: later steps need this one
        results.append((False, description, error))
        # E2E_SHOT=file.png keeps a picture of the screen the step failed on.
        if os.environ.get("E2E_SHOT"):
            subprocess.run(["import", "-window", "root", os.environ["E2E_SHOT"]])
        log(f"FAILED: {description}: {error}")
        return False


def main():
    if len(sys.argv) != 3:
        print("usage: test-e2e.py WAYMARK-BINARY BUILD-DIR", file=sys.stderr)
        sys.exit(2)
    binary, build_dir = sys.argv[1:]
    work = tempfile.mkdtemp(prefix="waymark-e2e-")
    saved = os.path.join(work, "e2e-map.waymark")

    env = dict(os.environ)
    env.update({
        "GDK_BACKEND": "x11",
        "GSK_RENDERER": "cairo",
        "GTK_A11Y": "atspi",
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": os.path.join(build_dir, "data"),
        "HOME": work,
        "XDG_CONFIG_HOME": os.path.join(work, "config"),
        "XDG_DATA_HOME": os.path.join(work, "data"),
        "XDG_STATE_HOME": os.path.join(work, "state"),
        "XDG_CACHE_HOME": os.path.join(work, "cache"),
    })
    env.pop("NO_AT_BRIDGE", None)

    # An X server that has just lost its last client may be resetting;
    # wait until it takes connections again.
    wait_for("the X display", lambda: subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True)
             .returncode == 0, timeout=15)

    bus = None
    if os.path.exists("/usr/libexec/at-spi-bus-launcher"):
        bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
    # Under gdb when it is there, so that a crash, however rare, leaves
    # its backtrace in the test log instead of only "the application no
    # longer exists".
    gdb_log = os.path.join(work, "gdb.log")
    command = [binary]
    if shutil.which("gdb"):
        command = ["gdb", "-q", "-batch", "-nx", "-return-child-result",
                   "-ex", "set pagination off", "-ex", "set startup-with-shell off",
                   "-ex", "handle SIGPIPE nostop noprint pass",
                   "-ex", "run", "-ex", "thread apply all bt 40", "--args", binary]
    with open(gdb_log, "w") as gdb_output:
        app_process = subprocess.Popen(command, env=env, stdout=gdb_output, stderr=sys.stderr)
    state = {}

    def start():
        state["app"] = wait_for("Waymark on the accessibility bus", find_app)
        state["window"] = wait_for("the main window", lambda: find(state["app"], "frame", "Waymark"))
        # Keys go to the window under the pointer; there is no window manager.
        x, y = center(state["window"])
        xdotool("mousemove", x, y)

    def focused_name():
        for accessible in walk(state["app"]):
            try:
                if accessible.getState().contains(pyatspi.STATE_FOCUSED):
                    return accessible.name
            except Exception:
                continue
        return ""

    def new_from_template():
        button = wait_for("the New Map button", lambda: find(state["app"], "push button", "New Map"))
        click_action(button)
        wait_for("the template chooser", lambda: find_named(state["app"], "Service Blueprint"))
        # The default template, Current State, has focus; the arrow keys
        # move between the templates, and Enter picks one.
        time.sleep(0.5)
        xdotool("key", "Right")
        wait_for("Future State to take the focus", lambda: focused_name().startswith("Future State"))
        xdotool("key", "Left")
        wait_for("Current State to take the focus", lambda: focused_name().startswith("Current State"))
        xdotool("key", "Return")
        wait_for("a card of the new map", lambda: card(state["app"], "What does the customer do here?"))

    def every_control_is_named():
        # What a screen reader says for each control in sight: the header
        # bar, the canvas's cards and points, and the inspector.
        seen, unnamed = controls_and_unnamed(state["app"])
        assert seen > 20, f"only {seen} controls found"
        assert not unnamed, unnamed
        log(f"{seen} controls, each named")
        # And in the Export dialog.
        xdotool("key", "ctrl+shift+e")
        dialog = wait_for("the Export dialog", lambda: find(state["app"], "frame", "Export Map"))
        seen, unnamed = controls_and_unnamed(dialog)
        assert seen >= 2 and not unnamed, (seen, unnamed)
        xdotool("key", "Escape")
        wait_for("the Export dialog to close", lambda: find(state["app"], "frame", "Export Map") is None)

    def add_card_by_keyboard():
        # Hide the inspector (F9) so the first three stages are in view.
        xdotool("key", "F9")
        time.sleep(0.5)
        first = card(state["app"], "What does the customer do here?")
        xdotool("mousemove", *center(first))
        xdotool("click", 1)
        time.sleep(0.3)
        xdotool("key", "Insert")
        time.sleep(0.3)
        xdotool("type", "--delay", "20", "Checks the price on a phone")
        xdotool("key", "Return")
        wait_for("the new card", lambda: card(state["app"], "Checks the price on a phone"))
        assert card_stage(state["app"], "Checks the price on a phone") == "Awareness"

    def drag_to_third_stage():
        source = card(state["app"], "What does the customer do here?")
        neighbour = card(state["app"], "Use the customer’s words")   # second stage, same lane
        x1, y1 = center(source)
        x2, _ = center(neighbour)
        target = (x1 + 2 * (x2 - x1), y1)
        drag((x1, y1), target)
        wait_for("the card in Decision",
                 lambda: card_stage(state["app"], "What does the customer do here?") == "Decision")

    def undo_and_redo():
        xdotool("key", "ctrl+z")
        wait_for("the card back in Awareness",
                 lambda: card_stage(state["app"], "What does the customer do here?") == "Awareness")
        xdotool("key", "ctrl+shift+z")
        wait_for("the card in Decision again",
                 lambda: card_stage(state["app"], "What does the customer do here?") == "Decision")

    def escape_cancels_drag():
        # Taken back towards the second stage, Escape before the release.
        source = card(state["app"], "What does the customer do here?")
        neighbour = card(state["app"], "Use the customer’s words")
        x1, y1 = center(source)
        x2, _ = center(neighbour)
        drag((x1, y1), (x2, y1), escape=True)
        time.sleep(1.0)
        stage = card_stage(state["app"], "What does the customer do here?")
        assert stage == "Decision", f"the card went to {stage}"
        # Undo has nothing new: it takes back the drag before.
        undo_and_redo()

    def point_description(stage):
        for accessible in walk(state["app"]):
            try:
                if accessible.getRoleName() == "slider" and accessible.description.startswith(stage + ", "):
                    return accessible
            except Exception:
                continue
        return None

    def drag_emotion_point():
        point = wait_for("the Consideration point", lambda: point_description("Consideration"))
        assert point.description.startswith("Consideration, 3 of 5"), point.description
        # Scroll the map with the wheel until the point is well in view.
        window_height = state["window"].queryComponent().getExtents(pyatspi.WINDOW_COORDS).height
        xdotool("mousemove", 400, 300)
        for _ in range(30):
            _, y = center(point_description("Consideration"))
            if 150 < y < window_height - 150:
                break
            xdotool("click", 5 if y >= window_height - 150 else 4)
            time.sleep(0.2)
        x, y = center(point_description("Consideration"))
        assert 150 < y < window_height - 150, f"the point stays out of view at y={y}"
        # Two levels up: the template's levels are 34 pixels apart at 100 %.
        drag((x, y), (x, y - 68))
        wait_for("the point at 5 of 5",
                 lambda: point_description("Consideration").description.startswith("Consideration, 5 of 5"))

    def presentation():
        for accessible in walk(state["app"]):
            try:
                if accessible.name.startswith("Presenting"):
                    return accessible
            except Exception:
                continue
        return None

    def present_and_come_back():
        xdotool("key", "F5")
        shown = wait_for("the presentation", presentation)
        # Keys go to the window under the pointer.
        x, y = center(shown)
        xdotool("mousemove", x, y)
        assert shown.description.startswith("Slide 1 of "), shown.description
        for key in ("Right", "space", "Next", "Left"):
            xdotool("key", key)
            time.sleep(0.3)
        # A screen reader is told where the presenter is: three on, one back.
        try:
            wait_for("the third slide's description", lambda: presentation().description.startswith("Slide 3 of "))
        except AssertionError:
            raise AssertionError(f"described as {presentation().description!r}")
        assert "stage 2 of 5, Consideration" in presentation().description, presentation().description
        xdotool("key", "End")
        wait_for("the overview", lambda: "overview" in presentation().description)
        xdotool("key", "Home")
        wait_for("the title slide", lambda: presentation().description.startswith("Slide 1 of "))
        xdotool("key", "Escape")
        wait_for("the presentation to end", lambda: presentation() is None)
        xdotool("mousemove", *center(state["window"]))

    def save_to_path():
        xdotool("key", "ctrl+s")
        wait_for("the save dialog", lambda: find_named(state["app"], "Save Map"))
        time.sleep(1.0)
        xdotool("key", "ctrl+a")
        xdotool("type", "--delay", "10", saved)
        xdotool("key", "Return")
        wait_for(f"{saved} on disk", lambda: os.path.exists(saved))
        wait_for("the saved title", lambda: find(state["app"], "frame", "Untitled current-state map"))

    def check_saved_file():
        exported = os.path.join(work, "check.csv")
        subprocess.run([binary, "export", saved, "-o", exported], check=True)
        with open(exported, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        by_title = {row["title"]: row for row in rows}
        assert by_title["Checks the price on a phone"]["stage"] == "Awareness"
        assert by_title["Checks the price on a phone"]["lane"] == "Customer actions"
        with open(saved, encoding="utf-8") as handle:
            document = json.load(handle)
        # The template's card holds only a hint, which no export shows.
        by_hint = {card.get("hint"): card for card in document["cards"]}
        assert by_hint["What does the customer do here?"]["stage"] == "stage-decision", by_hint
        assert "What does the customer do here?" not in by_title, by_title
        scores = {point["stage"]: point["score"] for curve in document["emotions"] for point in curve["points"]}
        assert scores["stage-consideration"] == 5, scores
        assert scores["stage-awareness"] == 3, scores

    def persona_editor_by_keyboard():
        # The map's head, with the personas, is at the top: scroll there.
        xdotool("mousemove", *center(state["window"]))
        for _ in range(15):
            xdotool("click", "4")
        time.sleep(0.5)
        persona = wait_for("the persona card", lambda: find(state["app"], "push button", contains="Persona: "))
        xdotool("mousemove", *center(persona))
        xdotool("click", 1)
        wait_for("the persona card to take the focus",
                 lambda: find(state["app"], "push button", contains="Persona: ").getState()
                 .contains(pyatspi.STATE_FOCUSED))
        xdotool("key", "Return")
        editor = wait_for("the persona editor", lambda: find(state["app"], "frame", "Unnamed persona"))
        seen, unnamed = controls_and_unnamed(editor)
        assert seen > 10 and not unnamed, (seen, unnamed)
        xdotool("mousemove", *center(editor))
        xdotool("key", "Escape")
        wait_for("the persona editor to close", lambda: find(state["app"], "frame", "Unnamed persona") is None)

        # Its right-click menu deletes it; Ctrl+Z brings it back.
        persona = find(state["app"], "push button", contains="Persona: ")
        xdotool("mousemove", *center(persona))
        xdotool("click", "3")
        for _ in range(6):
            if focused_name() == "Delete Persona":
                break
            xdotool("key", "Down")
            time.sleep(0.2)
        assert focused_name() == "Delete Persona", focused_name()
        xdotool("key", "Return")
        wait_for("the persona to go", lambda: find(state["app"], "push button", contains="Persona: ") is None)
        xdotool("key", "ctrl+z")
        wait_for("the persona to come back", lambda: find(state["app"], "push button", contains="Persona: "))

    new_feeling = "New persona’s feeling"

    def new_persona_points():
        return sorted(accessible.description for accessible in find_all(state["app"], "slider", new_feeling))

    def scroll_to_top():
        xdotool("mousemove", *center(state["window"]))
        for _ in range(15):
            xdotool("click", "4")
        time.sleep(0.5)

    def add_second_persona():
        scroll_to_top()
        add = wait_for("the Add menu button",
                       lambda: find(state["app"], "toggle button", "Add") or find(state["app"], "push button", "Add"))
        xdotool("mousemove", *center(add))
        xdotool("click", 1)
        # The menu is a window of its own, away from the pointer: its
        # item is activated as a screen reader would.
        item = wait_for("the Add Persona item", lambda: find_named(state["app"], "Add Persona"))
        click_action(item)
        editor = wait_for("the new persona's editor", lambda: find(state["app"], "frame", "New persona"))
        xdotool("mousemove", *center(editor))
        xdotool("key", "Escape")
        wait_for("the persona editor to close", lambda: find(state["app"], "frame", "New persona") is None)
        card = wait_for("the new persona's card",
                        lambda: find(state["app"], "push button", contains="Persona: New persona"))
        # With no window manager, the closed editor leaves no window
        # active: give the map's window the focus back, as one would.
        xdotool("search", "--onlyvisible", "--name", "current-state map", "windowfocus", "--sync")
        xdotool("mousemove", *center(card))
        xdotool("click", 1)
        wait_for("the new persona's card to take the focus",
                 lambda: find(state["app"], "push button", contains="Persona: New persona").getState()
                 .contains(pyatspi.STATE_FOCUSED))
        assert not new_persona_points(), new_persona_points()

    def plot_by_keyboard():
        # Insert on the selected persona's card: a point in the first
        # stage, half way up; Up raises it; Insert on it adds the next one.
        xdotool("key", "Insert")
        wait_for("a point on the new persona's curve", lambda: new_persona_points() == ["Awareness, 3 of 5"])
        xdotool("key", "Up")
        wait_for("the point raised", lambda: new_persona_points() == ["Awareness, 4 of 5"])
        xdotool("key", "Insert")
        wait_for("the next point, a stage on",
                 lambda: new_persona_points() == ["Awareness, 4 of 5", "Consideration, 4 of 5"])
        assert focused_name() == new_feeling, focused_name()

    def plot_by_mouse():
        # The persona's card picks it (the first persona's would not do),
        # then a click in the emotion lane plots a point on its curve.
        scroll_to_top()
        first = find(state["app"], "push button", contains="Persona: Unnamed persona")
        xdotool("mousemove", *center(first))
        xdotool("click", 1)
        card = find(state["app"], "push button", contains="Persona: New persona")
        xdotool("mousemove", *center(card))
        xdotool("click", 1)
        wait_for("the new persona's card to take the focus",
                 lambda: find(state["app"], "push button", contains="Persona: New persona").getState()
                 .contains(pyatspi.STATE_FOCUSED))

        def decision_point():
            for accessible in find_all(state["app"], "slider", "feeling"):
                if accessible.name != new_feeling and accessible.description.startswith("Decision, "):
                    return accessible
            return None

        def level_4():
            for accessible in find_all(state["app"], "slider", new_feeling):
                if accessible.description == "Consideration, 4 of 5":
                    return accessible
            return None

        window_height = state["window"].queryComponent().getExtents(pyatspi.WINDOW_COORDS).height
        xdotool("mousemove", 400, 300)
        for _ in range(30):
            _, y = center(wait_for("the Consideration point", level_4))
            if 150 < y < window_height - 150:
                break
            xdotool("click", 5 if y >= window_height - 150 else 4)
            time.sleep(0.2)
        x, _ = center(wait_for("the first persona's Decision point", decision_point))
        _, y = center(level_4())
        assert 150 < y < window_height - 150, f"the emotion lane stays out of view at y={y}"
        # Beside the first persona's point, at the fourth level.
        xdotool("mousemove", x + 45, y)
        xdotool("click", 1)
        wait_for("a point on the new persona's curve in Decision",
                 lambda: "Decision, 4 of 5" in new_persona_points())
        assert len(new_persona_points()) == 3, new_persona_points()

    def saved_with_new_curve():
        before = os.path.getmtime(saved)
        xdotool("key", "ctrl+s")
        wait_for("the map saved again", lambda: os.path.getmtime(saved) > before)
        with open(saved, encoding="utf-8") as handle:
            document = json.load(handle)
        persona = next(p for p in document["personas"] if p["name"] == "New persona")
        curve = next(c for c in document["emotions"] if c["persona"] == persona["id"])
        scores = sorted((point["stage"], point["score"]) for point in curve["points"])
        assert scores == [("stage-awareness", 4), ("stage-consideration", 4), ("stage-decision", 4)], scores
        others = [c for c in document["emotions"] if c["persona"] != persona["id"]]
        assert all(len(c["points"]) == 5 for c in others), others

    def headings():
        found = []
        for accessible in walk(state["app"]):
            try:
                if accessible.getRoleName() == "heading" and accessible.name.startswith("Stage "):
                    found.append(accessible)
            except Exception:
                continue
        return found

    def heading(prefix):
        return next((h for h in headings() if h.name.startswith(prefix)), None)

    def do_action(accessible, name):
        action = accessible.queryAction()
        for index in range(action.nActions):
            if action.getName(index) == name:
                action.doAction(index)
                return
        raise AssertionError(f"{accessible.name} has no {name} action")

    def headers_by_keyboard():
        xdotool("mousemove", *center(state["window"]))
        second = wait_for("the second stage's header", lambda: heading("Stage 2 of "))
        assert second.name.endswith(": Consideration"), second.name
        # In map order, as a screen reader reads them.
        numbers = [int(h.name.split()[1]) for h in headings()]
        assert numbers == sorted(numbers), numbers
        lane = wait_for("a lane header", lambda: find(state["app"], "row header", contains="Lane 1 of "))
        assert lane.name, lane
        do_action(second, "header.activate")
        wait_for("the header to take the focus", lambda: focused_name().startswith("Stage 2 of "))
        xdotool("key", "alt+Right")
        wait_for("Consideration to move to the third place",
                 lambda: (heading("Stage 3 of ") is not None and heading("Stage 3 of ").name.endswith(": Consideration")))
        assert focused_name().startswith("Stage 3 of "), focused_name()
        xdotool("key", "ctrl+z")
        wait_for("Consideration back in second place",
                 lambda: (heading("Stage 2 of ") is not None and heading("Stage 2 of ").name.endswith(": Consideration")))

    def priorities_by_keyboard():
        # Alt+2 shows the Priorities view; its matrix is named for screen
        # readers and says which card is chosen and where it sits.
        xdotool("key", "alt+2")
        matrix = wait_for("the impact and effort matrix",
                          lambda: find_named(state["app"], "Impact and effort matrix"))
        xdotool("mousemove", *center(matrix))
        xdotool("click", 1)
        xdotool("key", "Right")
        wait_for("a card chosen in the matrix", lambda: "not scored" in matrix.description)
        xdotool("key", "alt+Up")
        wait_for("the card placed in the middle cell, a big bet",
                 lambda: "impact 3, effort 3, Big Bets" in matrix.description)
        xdotool("key", "ctrl+z")
        wait_for("undo to take the card back to the tray", lambda: "not scored" in matrix.description)
        xdotool("key", "alt+1")
        wait_for("the map shown again", lambda: find_named(state["app"], "Impact and effort matrix") is None
                 or not find_named(state["app"], "Impact and effort matrix").getState().contains(pyatspi.STATE_SHOWING))

    def health_by_keyboard():
        # Ctrl+Shift+H lists the health findings; Escape closes the list.
        xdotool("key", "ctrl+shift+h")
        findings = wait_for("the health check's findings", lambda: find_named(state["app"], "Health check findings"))
        assert findings.childCount > 0, "a template's map has findings"
        xdotool("key", "Escape")

    steps = [
        ("the app starts and is on the accessibility bus", start),
        ("a map is made from the Current State template, moving between templates with the arrows",
         new_from_template),
        ("every control in the window and the Export dialog has a name for screen readers",
         every_control_is_named),
        ("a card is added from the keyboard", add_card_by_keyboard),
        ("a card is dragged from the first stage to the third", drag_to_third_stage),
        ("undo and redo move it back and forth", undo_and_redo),
        ("Escape during a card drag leaves the card where it was, and no undo step", escape_cancels_drag),
        ("an emotion point is dragged two levels up with the mouse", drag_emotion_point),
        ("F5 presents the map, its keys move between slides, and Esc comes back", present_and_come_back),
        ("the map is saved to a path through the file chooser", save_to_path),
        ("the saved file holds every change (waymark export --csv, and the score)", check_saved_file),
        ("a click on a persona card focuses it, Enter opens its editor (every control named), Esc closes it, "
         "and its menu deletes it (undone with Ctrl+Z)", persona_editor_by_keyboard),
        ("Add Persona adds a second persona; its card, clicked, takes the focus", add_second_persona),
        ("Insert on the new persona's card plots a point on its curve, the arrows place it, Insert adds the next",
         plot_by_keyboard),
        ("a click in the emotion lane plots a point on the selected persona's curve", plot_by_mouse),
        ("the saved file holds the new persona's curve, the first persona's untouched", saved_with_new_curve),
        ("stage headers are headings in map order, focused by their action, moved with Alt+Right, undone",
         headers_by_keyboard),
        ("Alt+2 shows the Priorities view; in its named matrix the arrows choose a card and Alt+Up places it, "
         "undone with Ctrl+Z", priorities_by_keyboard),
        ("Ctrl+Shift+H lists the health check's findings", health_by_keyboard),
    ]
    try:
        for description, function in steps:
            if not step(description, function):
                break
    finally:
        if app_process.poll() is not None:
            log(f"the app ended early (status {app_process.returncode})")
            with open(gdb_log) as gdb_output:
                sys.stderr.write(gdb_output.read())
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        if bus is not None:
            bus.terminate()
        shutil.rmtree(work, ignore_errors=True)

    print(f"1..{len(steps)}")
    for number, (description, _) in enumerate(steps, start=1):
        if number <= len(results):
            passed, _, error = results[number - 1]
            print(f"{'ok' if passed else 'not ok'} {number} {description}" +
                  ("" if passed else f" # {error}"))
        else:
            print(f"not ok {number} {description} # not reached")
    sys.exit(0 if all(passed for passed, _, _ in results) and len(results) == len(steps) else 1)


main()
