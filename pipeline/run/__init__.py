"""Files on disk into rows, robustly: the inputs of a run, each accounted for (`inputs`);
one file read, extracted and turned into rows whatever goes wrong (`one_file`); worker
processes that a bad file cannot stop (`workers`) on this machine or a Dask cluster
(`engines`); one organisation identity across a batch (`identity`); and the batch that
ties them to the output folder (`batch`)."""
