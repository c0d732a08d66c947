"""staff console: sign-in links, sessions, audit log, knowledge edits, attendance at events

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    for table in ('consolelink', 'consolesession'):
        op.create_table(table,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', _text(64), nullable=False),
        sa.Column('staff_id', _text(64), nullable=False),
        sa.Column('staff_name', _text(128), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('used_at' if table == 'consolelink' else 'revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('token_hash')
        )
    op.create_table('auditentry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', _text(64), nullable=False),
    sa.Column('staff_name', _text(128), nullable=False),
    sa.Column('action', _text(64), nullable=False),
    sa.Column('target', _text(128), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('auditentry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auditentry_staff_id'), ['staff_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_auditentry_created_at'), ['created_at'], unique=False)
    op.create_table('knowledgeedit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', _text(16), nullable=False),
    sa.Column('key', _text(96), nullable=False),
    sa.Column('data', sa.Text(), nullable=False),
    sa.Column('status', _text(16), nullable=False),
    sa.Column('author', _text(128), nullable=False),
    sa.Column('author_id', _text(64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('exported_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('knowledgeedit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_knowledgeedit_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_knowledgeedit_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_knowledgeedit_status'), ['status'], unique=False)


    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attended_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_column('attended_at')
    op.drop_table('knowledgeedit')
    op.drop_table('auditentry')
    op.drop_table('consolesession')
    op.drop_table('consolelink')
