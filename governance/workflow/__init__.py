"""The workflow engine: declarative definitions (workflows/*.yaml) run on
`transitions` machines, one machine per workflow type shared by all entities."""
