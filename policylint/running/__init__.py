"""Running a check: from paths to findings, through the result cache and worker processes."""
