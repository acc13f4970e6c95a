/* Swift-visible zlib: the gzip file reader (gzopen, gzread, gzerror).
 *
 * Township reads `.osm.gz` extracts in a stream through zlib's gz* API, so
 * an extract never has to be decompressed to disk or held in memory whole. */
#ifndef DRILLSIM_CZLIB_SHIM_H
#define DRILLSIM_CZLIB_SHIM_H

#include <zlib.h>

#endif
