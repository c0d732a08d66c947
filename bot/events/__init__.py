"""Events: the programme, registrations, reminders that are never lost nor doubled, and staff tools."""
