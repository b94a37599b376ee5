/* wsp-records.h: the record and the store together, for code that uses both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wsp-record.h"
#include "wsp-record-store.h"
