/* wm-gesture-transaction.c: one history transaction per gesture.
 *
 * A drag that edits the map as the pointer moves opens a transaction on
 * the document once it starts changing something; the gesture's end
 * commits it as one undo step, and its cancellation (Escape, a grab
 * taken away, the widget going away) aborts it, so a cancelled drag
 * leaves no trace. This is the only "change open" state the canvas keeps.
 *
 * The gesture's "end" handler is connected after the class handler, so
 * that what a GtkGestureDrag's drag-end does still belongs to the step.
 * A drag-end handler that finishes the edit asks
 * wm_gesture_transaction_is_open() first: after a cancel, GTK still
 * emits "end".
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-gesture-transaction"

#include "config.h"

#include "wm-gesture-transaction.h"

typedef struct
{
  GtkGesture *gesture;   /* not a reference: the struct lives on it */
  WmDocument *document;  /* while a transaction is open */
} Transaction;

static GQuark transaction_quark;

/* The gestures with a transaction open, for Escape to find. */
static GPtrArray *open_transactions;

static void
close_transaction (Transaction *transaction,
                   gboolean     keep)
{
  g_autoptr(WmDocument) document = g_steal_pointer (&transaction->document);

  if (document == NULL)
    return;
  g_ptr_array_remove (open_transactions, transaction);
  if (keep)
    wm_document_commit_change (document);
  else
    wm_document_abort_change (document);
}

static void
transaction_free (Transaction *transaction)
{
  /* A gesture freed mid-drag went with its widget: nothing it did stays. */
  close_transaction (transaction, FALSE);
  g_free (transaction);
}

static void
on_gesture_cancel (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   Transaction      *transaction)
{
  close_transaction (transaction, FALSE);
}

static void
on_gesture_end (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                Transaction      *transaction)
{
  close_transaction (transaction, TRUE);
}

static Transaction *
get_transaction (GtkGesture *gesture,
                 gboolean    create)
{
  Transaction *transaction;

  if (transaction_quark == 0)
    transaction_quark = g_quark_from_static_string ("wm-gesture-transaction");
  transaction = g_object_get_qdata (G_OBJECT (gesture), transaction_quark);
  if (transaction != NULL || !create)
    return transaction;

  transaction = g_new0 (Transaction, 1);
  transaction->gesture = gesture;
  g_object_set_qdata_full (G_OBJECT (gesture), transaction_quark, transaction,
                           (GDestroyNotify) transaction_free);
  g_signal_connect (gesture, "cancel", G_CALLBACK (on_gesture_cancel), transaction);
  g_signal_connect_after (gesture, "end", G_CALLBACK (on_gesture_end), transaction);
  if (open_transactions == NULL)
    open_transactions = g_ptr_array_new ();
  return transaction;
}

/**
 * wm_gesture_transaction_begin:
 * @gesture: the gesture making the change
 * @document: the document it changes
 * @label: the undo step's name, such as "Move Point"
 *
 * Opens a transaction on @document for @gesture, unless it has one open
 * already: so a drag may call this at each step and opens one only once.
 * The gesture's end commits it, its cancellation aborts it.
 */
void
wm_gesture_transaction_begin (GtkGesture *gesture,
                              WmDocument *document,
                              const char *label)
{
  Transaction *transaction;

  g_return_if_fail (GTK_IS_GESTURE (gesture));
  g_return_if_fail (WM_IS_DOCUMENT (document));

  transaction = get_transaction (gesture, TRUE);
  if (transaction->document != NULL)
    return;
  transaction->document = g_object_ref (document);
  g_ptr_array_add (open_transactions, transaction);
  wm_document_begin_change (document, label);
}

gboolean
wm_gesture_transaction_is_open (GtkGesture *gesture)
{
  Transaction *transaction;

  g_return_val_if_fail (GTK_IS_GESTURE (gesture), FALSE);

  transaction = get_transaction (gesture, FALSE);
  return transaction != NULL && transaction->document != NULL;
}

static void
finish (GtkGesture *gesture,
        gboolean    keep)
{
  Transaction *transaction = get_transaction (gesture, FALSE);

  if (transaction != NULL)
    close_transaction (transaction, keep);
}

/* Commits @gesture's transaction now, if it has one open. */
void
wm_gesture_transaction_commit (GtkGesture *gesture)
{
  g_return_if_fail (GTK_IS_GESTURE (gesture));

  finish (gesture, TRUE);
}

/* Aborts @gesture's transaction now, if it has one open. */
void
wm_gesture_transaction_abort (GtkGesture *gesture)
{
  g_return_if_fail (GTK_IS_GESTURE (gesture));

  finish (gesture, FALSE);
}

/**
 * wm_gesture_transaction_cancel_on:
 * @document: a document
 *
 * What Escape does during a drag: aborts every gesture transaction open
 * on @document, newest first, and resets those gestures so that they
 * stop following the pointer.
 *
 * Returns: whether there was one to cancel
 */
gboolean
wm_gesture_transaction_cancel_on (WmDocument *document)
{
  gboolean cancelled = FALSE;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);

  for (guint i = open_transactions != NULL ? open_transactions->len : 0; i > 0; i--)
    {
      Transaction *transaction;
      g_autoptr(GtkGesture) gesture = NULL;

      if (i > open_transactions->len)
        continue;
      transaction = g_ptr_array_index (open_transactions, i - 1);
      if (transaction->document != document)
        continue;
      gesture = g_object_ref (transaction->gesture);
      close_transaction (transaction, FALSE);
      /* Emits "cancel" and "end" for a live sequence: its handlers tidy
       * up, and find the transaction already closed. */
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (gesture));
      cancelled = TRUE;
    }
  return cancelled;
}
