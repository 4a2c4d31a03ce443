"""Writers and readers of the files that leave the program (JSON, xlsx, pdf). No Qt."""
