"""Alembic environment of the store: runs on the connection ``SqlStore`` hands over."""

from alembic import context

context.configure(connection=context.config.attributes["connection"],
                  version_table="teilhabe_alembic_version")
with context.begin_transaction():
    context.run_migrations()
