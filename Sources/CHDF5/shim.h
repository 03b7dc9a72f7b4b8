#ifndef MHUB_CHDF5_SHIM_H
#define MHUB_CHDF5_SHIM_H
#include <hdf5.h>

/* HDF5's identifiers for default property lists, "all of the dataspace", file access
 * modes and predefined types are C macros (casts or calls into the library) that Swift
 * cannot import. Each is exposed here through a function; only HDF5Kit uses them. */

/* Property lists and dataspaces. */
static inline hid_t mhub_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t mhub_H5P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t mhub_H5P_GROUP_CREATE(void) { return H5P_GROUP_CREATE; }
static inline hid_t mhub_H5P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }
static inline hid_t mhub_H5S_ALL(void) { return H5S_ALL; }
static inline hid_t mhub_H5E_DEFAULT(void) { return H5E_DEFAULT; }

/* File access modes. */
static inline unsigned mhub_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline unsigned mhub_H5F_ACC_TRUNC(void) { return H5F_ACC_TRUNC; }

/* Native memory types. */
static inline hid_t mhub_H5T_NATIVE_INT8(void) { return H5T_NATIVE_INT8; }
static inline hid_t mhub_H5T_NATIVE_INT32(void) { return H5T_NATIVE_INT32; }
static inline hid_t mhub_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t mhub_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }

/* File (storage) types, little-endian as h5py and biom-format write them. */
static inline hid_t mhub_H5T_STD_I8LE(void) { return H5T_STD_I8LE; }
static inline hid_t mhub_H5T_STD_I32LE(void) { return H5T_STD_I32LE; }
static inline hid_t mhub_H5T_STD_I64LE(void) { return H5T_STD_I64LE; }
static inline hid_t mhub_H5T_IEEE_F64LE(void) { return H5T_IEEE_F64LE; }
static inline hid_t mhub_H5T_C_S1(void) { return H5T_C_S1; }

/* The size that marks a variable-length string type. */
static inline size_t mhub_H5T_VARIABLE(void) { return H5T_VARIABLE; }

#endif
