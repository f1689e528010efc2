// Glue for the retention tool (registers with kbTools).
