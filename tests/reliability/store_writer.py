"""A child process for the checkpoint-kill test: writes part rows through ``engine.store`` in a loop.

``python -m tests.reliability.store_writer DB`` prints ``ready TRANSFER_ID`` once its transfer row is
durable, then ``N`` after part row N's write has returned (the store says it is committed), and
runs until it is killed, ``BATCH`` writes in flight at a time. The parent kills it with SIGKILL at
a random moment and checks that every reported row survived.
"""

from __future__ import annotations

import sys
from pathlib import Path

from engine.store import PartRow, ProfileRow, Store, TransferRow

#: Writes in flight at a time: a kill may take up to this many unreported ones with it.
BATCH = 4


def main(db: Path) -> None:
    store = Store(db)
    store.save_profile(ProfileRow(name="p", provider="seaweedfs"))
    (tid,) = store.add_transfers(
        [TransferRow("p", "/nowhere", 1 << 40, 0, "b", "k", 5 << 20, True, upload_id="u")]
    )
    print(f"ready {tid}", flush=True)
    number = 0
    while True:
        # BATCH writes in flight at once, so the writer thread commits several in one transaction
        # as it does when parts finish together; each is reported once its future has resolved.
        futures = []
        for _ in range(BATCH):
            number += 1
            futures.append(
                (number, store.add_part(tid, PartRow(number, 5 << 20, f"e{number}", f"c{number}")))
            )
        futures.append((0, store.update_transfer(tid, queue_pos=number)))
        for n, fut in futures:
            fut.result()
            if n:
                print(n, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
