-- A message whose processing failed inside Kern (an error, not a refusal of the file) is marked
-- 'failed' with the reason, so the invoice inbox shows it and it never blocks its sender: only a
-- 'receiving' message with a recent heartbeat holds up the sender's next message. Delivering a
-- failed message again processes it anew, like a refused one. A message whose process died
-- (no heartbeat within the lease) is marked failed by the next delivery of its sender.
alter table exchange_messages drop constraint exchange_messages_status_check;
alter table exchange_messages add constraint exchange_messages_status_check check (status in ('receiving', 'answered', 'refused', 'failed'));
alter table exchange_messages add column failure_reason text check (failure_reason is null or length(failure_reason) <= 2000);
alter table exchange_messages add column failed_at timestamptz;
