"""events: announced period, audience group, replay link, time to confirm (the time-aware agenda)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 01:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('event') as batch:
        batch.add_column(sa.Column('period', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
        batch.add_column(sa.Column('audience_group', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True))
        batch.add_column(sa.Column('replay_url', sqlmodel.sql.sqltypes.AutoString(length=512), nullable=True))
        batch.add_column(sa.Column('time_to_confirm', sa.Boolean(), nullable=False, server_default=sa.false()))
    # A date alone in the programme file meant "whole day" for every kind; only days and trainings are: the
    # others (webinars, evenings) have a time not announced yet. Events created by the staff keep their choice.
    event = sa.table('event', sa.column('all_day', sa.Boolean()), sa.column('kind', sa.String()),
                     sa.column('origin', sa.String()), sa.column('time_to_confirm', sa.Boolean()))
    op.execute(event.update()
               .where(event.c.all_day.is_(True), event.c.origin == 'knowledge',
                      event.c.kind.not_in(('journee', 'formation')))
               .values(time_to_confirm=True))


def downgrade() -> None:
    with op.batch_alter_table('event') as batch:
        batch.drop_column('time_to_confirm')
        batch.drop_column('replay_url')
        batch.drop_column('audience_group')
        batch.drop_column('period')
