#ifndef CTXTRIM_CLIBGIT2_SHIM_H
#define CTXTRIM_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
