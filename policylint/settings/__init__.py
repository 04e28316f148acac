"""What a run is told: configuration files, command-line options, and the plan for each file."""
