ref	percentage	coverage	score	chunksFrac	chunksRelDepth	chunksRelDepthStd	reads	ureads	hicureads	refsize	refname	taxid	rank	taxname	taxpath	taxpathsn
GCF_1	60	10	100	1	1	0	600	590	580	46		5	strain	E. coli	2;1224	Bacteria|Pseudomonadota	extra
