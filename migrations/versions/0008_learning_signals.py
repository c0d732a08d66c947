"""learning signals: the entry a member picked instead of the answer, and questions staff handled

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 04:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('questionlog', schema=None) as batch_op:
        batch_op.add_column(sa.Column('chosen_id', sqlmodel.sql.sqltypes.AutoString(length=96), nullable=True))
        batch_op.add_column(sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('questionlog', schema=None) as batch_op:
        batch_op.drop_column('handled_at')
        batch_op.drop_column('chosen_id')
