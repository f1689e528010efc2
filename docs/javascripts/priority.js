// Glue for the priority tool (registers with kbTools).
