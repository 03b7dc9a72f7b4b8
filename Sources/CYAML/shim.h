#ifndef MHUB_CYAML_SHIM_H
#define MHUB_CYAML_SHIM_H
#include <yaml.h>
#endif
