"""The output: the contract's tables defined once (`schema`), written as Parquet and CSV
(`writers`), into the output folder that grows by parts and is replaced whole
(`dataset`); `folder` reads such a folder back. Only this package knows the folder's
layout."""
