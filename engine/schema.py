"""Schema migrations, append-only: migration N brings ``user_version`` from N-1 to N."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: profiles (no secrets: the keyring holds them), transfers, acknowledged parts.
    """
    CREATE TABLE profile(
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        provider TEXT NOT NULL,
        endpoint TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        path_style INTEGER NOT NULL DEFAULT 0,
        default_bucket TEXT NOT NULL DEFAULT '',
        access_key_id TEXT NOT NULL DEFAULT '',
        keyring_ref TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
    );
    CREATE TABLE transfer(
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profile(id),
        local_path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        bucket TEXT NOT NULL,
        object_key TEXT NOT NULL,
        part_size INTEGER NOT NULL,
        upload_id TEXT,
        state INTEGER NOT NULL,
        queue_pos INTEGER NOT NULL,
        error_code TEXT,
        error_detail TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    );
    CREATE TABLE part(
        transfer_id INTEGER NOT NULL REFERENCES transfer(id) ON DELETE CASCADE,
        part_number INTEGER NOT NULL CHECK(part_number BETWEEN 1 AND 10000),
        size INTEGER NOT NULL,
        etag TEXT NOT NULL,
        checksum TEXT,
        done_at INTEGER NOT NULL,
        PRIMARY KEY(transfer_id, part_number)
    ) WITHOUT ROWID;
    """,
    # 2: object metadata set at initiation, the final ETag, single-PUT transfers, OSS signing.
    """
    ALTER TABLE transfer ADD COLUMN multipart INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE transfer ADD COLUMN content_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE transfer ADD COLUMN storage_class TEXT NOT NULL DEFAULT '';
    ALTER TABLE transfer ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE transfer ADD COLUMN etag TEXT NOT NULL DEFAULT '';
    ALTER TABLE profile ADD COLUMN signature TEXT NOT NULL DEFAULT '';
    ALTER TABLE profile ADD COLUMN price_per_gb_month REAL;
    CREATE INDEX transfer_state ON transfer(state, queue_pos);
    """,
    # 3: the checksum mode the upload id was created with: only an upload initiated with
    # ChecksumAlgorithm=CRC32 gets a composite object checksum to verify against.
    """
    ALTER TABLE transfer ADD COLUMN upload_checksum TEXT NOT NULL DEFAULT '';
    """,
    # 4: which process holds a transfer. One row per held transfer, taken in one transaction;
    # a holder is a process (pid + its start time + the boot it ran in) on a host.
    """
    CREATE TABLE lease(
        transfer_id INTEGER PRIMARY KEY REFERENCES transfer(id) ON DELETE CASCADE,
        host TEXT NOT NULL,
        boot_id TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started TEXT NOT NULL,
        taken_at INTEGER NOT NULL
    );
    """,
    # 5: when a multipart upload was asked for whose id is not recorded yet (0: none pending). A
    # kill between the server's answer and the row leaves an upload only this time can find.
    """
    ALTER TABLE transfer ADD COLUMN upload_started_at INTEGER NOT NULL DEFAULT 0;
    """,
    # 6: what Skylift knows of local files (checksums, valid while size and mtime hold) and of
    # the objects it made from them, so an unchanged file is neither re-read nor re-sent; and
    # the folders kept uploaded ("watch"), which outlive the process that watches them; and the
    # move option's intent, which must outlive a crash between the upload and the deletion.
    """
    CREATE TABLE digest(
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        method TEXT NOT NULL,
        part_size INTEGER NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY(path, method, part_size)
    ) WITHOUT ROWID;
    CREATE TABLE made(
        profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
        bucket TEXT NOT NULL,
        object_key TEXT NOT NULL,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        etag TEXT NOT NULL,
        made_at INTEGER NOT NULL,
        PRIMARY KEY(profile_id, bucket, object_key)
    ) WITHOUT ROWID;
    CREATE TABLE watch(
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
        local_path TEXT NOT NULL,
        bucket TEXT NOT NULL,
        prefix TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL,
        UNIQUE(profile_id, local_path, bucket, prefix)
    );
    ALTER TABLE transfer ADD COLUMN delete_after INTEGER NOT NULL DEFAULT 0;
    """,
    # 7: credentials from the AWS config files (a named profile, resolved by botocore), a
    # profile's upload defaults, and each transfer's object options (headers, ACL, tags,
    # encryption) that must be sent again when an upload is initiated after a resume.
    """
    ALTER TABLE profile ADD COLUMN aws_profile TEXT NOT NULL DEFAULT '';
    ALTER TABLE profile ADD COLUMN upload_defaults TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE transfer ADD COLUMN options TEXT NOT NULL DEFAULT '{}';
    """,
    # 8: the transfers one drop (or one command) queued together, so the queue can show them as
    # one group after a relaunch too. Batch 0 is "queued alone" (and every row from before this).
    """
    CREATE TABLE batch(
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    ALTER TABLE transfer ADD COLUMN batch INTEGER NOT NULL DEFAULT 0;
    """,
]

LATEST = len(MIGRATIONS)
