"""A child process for the checkpoint-kill test: writes part rows through ``engine.store`` in a loop.

``python -m tests.reliability.store_writer DB`` prints ``ready TRANSFER_ID`` once its transfer row is
durable, then ``N`` after each part row's write has returned (the store says it is committed), and
runs until it is killed. The parent kills it with SIGKILL at a random moment and checks that every
reported row survived.
"""

from __future__ import annotations

import sys
from pathlib import Path

from engine.store import PartRow, ProfileRow, Store, TransferRow


def main(db: Path) -> None:
    store = Store(db)
    store.save_profile(ProfileRow(name="p", provider="seaweedfs"))
    (tid,) = store.add_transfers(
        [TransferRow("p", "/nowhere", 1 << 40, 0, "b", "k", 5 << 20, True, upload_id="u")]
    )
    print(f"ready {tid}", flush=True)
    number = 0
    while True:
        number += 1
        # Two writes in flight at once so the writer thread batches them into one transaction, as
        # it does when parts finish together.
        first = store.add_part(tid, PartRow(number, 5 << 20, f"etag-{number}", f"crc-{number}"))
        second = store.update_transfer(tid, queue_pos=number)
        first.result()
        second.result()
        print(number, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
