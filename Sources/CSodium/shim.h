#ifndef SICHTBAR_CSODIUM_SHIM_H
#define SICHTBAR_CSODIUM_SHIM_H
#include <sodium.h>
#endif
