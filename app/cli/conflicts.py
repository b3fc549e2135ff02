"""``--if-exists`` and ``--delete-after-verify`` on the command line: the policy, the question on
a terminal, and what the run says about what it left alone, moved or kept."""

from __future__ import annotations

import json
import sys

from app.cli.running import EXIT_FAILED, EXIT_OK, UsageError
from app.services.conflicts import ConflictQuestion, Policy, SkipSame, policy_named
from app.services.core import Destination
from app.services.move import Mover
from engine.units import format_size


def policy_for(name: str, mover: Mover | None, dest: Destination) -> Policy:
    if name == "ask":
        if not sys.stdin.isatty():
            raise UsageError("--if-exists ask needs a terminal to ask on; choose another policy for scripts")
        return policy_named(name, _ask_on_terminal)
    if name == "skip-same":
        on_same = None
        if mover is not None:
            move = mover
            on_same = lambda src, proof: move.same(dest.profile, dest.bucket, src)  # noqa: E731
        return SkipSame(on_same=on_same)
    return policy_named(name)


def _ask_on_terminal(q: ConflictQuestion) -> None:
    """One question per object on the terminal; a capital letter answers for all the rest."""
    prompt = (
        f"{q.key} exists ({format_size(q.remote_size)} on the server, {format_size(q.local_size)} here). "
        "[o]verwrite, [s]kip, [r]ename (capital: for all)? "
    )
    answers = {"o": "overwrite", "s": "skip", "r": "rename"}
    while True:
        print(prompt, end="", file=sys.stderr, flush=True)
        text = sys.stdin.readline()
        if not text:  # end of input: leave the object alone
            q.reply("skip", True)
            return
        text = text.strip()
        if text.lower() in answers:
            q.reply(answers[text.lower()], text.isupper())
            return


def say_skipped(name: str, policy: Policy, skipped: int, json_mode: bool) -> None:
    unproven = policy.unproven if isinstance(policy, SkipSame) else 0
    if json_mode and (skipped or unproven):
        print(json.dumps({"event": "skipped", "policy": name, "count": skipped, "unproven": unproven}))
    if name == "skip-same":
        if skipped:
            print(
                f"skylift: {skipped:,} unchanged, skipped (the server holds the same bytes)", file=sys.stderr
            )
        if unproven:
            print(
                f"skylift: {unproven:,} uploaded again: same size, but the server shows no checksum "
                "that proves them the same",
                file=sys.stderr,
            )
    elif skipped:
        print(f"skylift: {skipped:,} existing object(s) left alone (--if-exists {name})", file=sys.stderr)


def moved(mover: Mover | None, status: int, quiet: bool = False) -> int:
    """Wait for the deletions of the move option, and say what stayed and why (``quiet``: say
    nothing when nothing was to be moved)."""
    if mover is None:
        return status
    done = mover.drain()
    if quiet and not done.deleted and not done.kept:
        return status
    for path, why in done.kept:
        print(f"skylift: {path}: kept: {why}", file=sys.stderr)
    n = len(done.deleted)
    print(f"skylift: moved {n:,} file(s): deleted here after their objects were proven", file=sys.stderr)
    if done.kept and status == EXIT_OK:
        return EXIT_FAILED
    return status
