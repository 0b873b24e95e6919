"""The documents table and the append-only history table.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY = "Der Verlauf wird nur fortgeschrieben (teilhabe_history ist append-only)."


def upgrade() -> None:
    json_type = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")
    op.create_table(
        "teilhabe_documents",
        sa.Column("area", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("doc_id", sa.String(400), primary_key=True),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("body", json_type, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.UniqueConstraint("area", "name", name="teilhabe_documents_name"),
    )
    op.create_table(
        "teilhabe_history",
        sa.Column("area", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("doc_id", sa.String(400), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("entry", json_type, nullable=False),
        sa.ForeignKeyConstraint(["area", "kind", "doc_id"],
                                ["teilhabe_documents.area", "teilhabe_documents.kind",
                                 "teilhabe_documents.doc_id"]),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION teilhabe_history_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END; $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER teilhabe_history_append_only BEFORE UPDATE OR DELETE
            ON teilhabe_history FOR EACH ROW EXECUTE FUNCTION teilhabe_history_append_only()""")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"""
                CREATE TRIGGER teilhabe_history_no_{action.lower()} BEFORE {action}
                ON teilhabe_history BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END""")


def downgrade() -> None:
    op.drop_table("teilhabe_history")
    op.drop_table("teilhabe_documents")
