/* wm-channels.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-channels"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-channels.h"

static const WmChannel channels[] = {
  { "website", N_("Website"), "globe-symbolic" },
  { "mobile-app", N_("Mobile app"), "phone-symbolic" },
  { "email", N_("Email"), "mail-unread-symbolic" },
  { "phone", N_("Phone call"), "call-start-symbolic" },
  { "chat", N_("Chat"), "chat-symbolic" },
  { "social-media", N_("Social media"), "system-users-symbolic" },
  { "search", N_("Search"), "system-search-symbolic" },
  { "advertising", N_("Advertising"), "megaphone-symbolic" },
  { "store", N_("Store"), "shopping-cart-symbolic" },
  { "event", N_("Event"), "x-office-calendar-symbolic" },
  { "mail", N_("Letter or parcel"), "mail-send-symbolic" },
  { "word-of-mouth", N_("Word of mouth"), "user-available-symbolic" },
  { "review-site", N_("Review site"), "starred-symbolic" },
  { "support", N_("Support"), "help-browser-symbolic" },
  { "in-person", N_("In person"), "avatar-default-symbolic" },
  { "sms", N_("Text message"), "mail-message-new-symbolic" },
  { "video", N_("Video"), "camera-video-symbolic" },
  { "partner", N_("Partner"), "emblem-shared-symbolic" },
  { "product", N_("Product"), "package-x-generic-symbolic" },
};

/**
 * wm_channels_get_all:
 * @n_channels: (out): the number of channels
 *
 * Returns: (array length=n_channels) (transfer none): the known channels,
 *   in the order menus offer them
 */
const WmChannel *
wm_channels_get_all (guint *n_channels)
{
  *n_channels = G_N_ELEMENTS (channels);
  return channels;
}

/**
 * wm_channel_lookup:
 * @id: a channel id, or free text
 *
 * Returns: (nullable) (transfer none): the known channel with @id
 */
const WmChannel *
wm_channel_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (channels); i++)
    if (g_str_equal (channels[i].id, id))
      return &channels[i];

  return NULL;
}

/**
 * wm_channel_get_display_name:
 * @channel: a card's channel: a known id or free text
 *
 * Returns: (transfer none): the translated name of a known channel, or the
 *   free text itself
 */
const char *
wm_channel_get_display_name (const char *channel)
{
  const WmChannel *known = wm_channel_lookup (channel);

  return known != NULL ? _(known->name) : channel;
}
