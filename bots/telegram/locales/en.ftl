## LAYANI Telegram bot: English (chosen with /bahasa). Same keys as id.ftl.

## --- linking ---

link-howto =
    Welcome to LAYANI, the HR desk in your chat.

    Your Telegram account is not linked to your employee record yet. To link it:
    1. Ask the HR office for a link code (in person, by phone or in writing).
    2. Send it to this bot: /start CODE
       for example: /start ABCD-EFGH-JKLM

    A code works once and is valid for { $hours } hours. For your safety, an account cannot be linked with a NIP alone.
linked =
    Your account is linked. Welcome, { $name }!

    Write your question at any time, or send /bantuan to see what you can do.
welcome-back =
    Welcome back, { $name }.

    Write your question at any time, or send /bantuan to see what you can do.
private-only = LAYANI works in private chats only. Please message this bot directly.
not-linked-short = Your account is not linked yet. Send /start to see how.

## --- help and commands ---

help =
    What you can do in LAYANI:
    /tanya QUESTION — ask an HR question
    /tiket — open a new ticket by choosing a category
    /tiketku — see the status of your tickets
    /profil — your employee record and key dates (salary step, promotion, retirement)
    /pengingat — reminders for salary steps, promotion, retirement and deadlines: see them, turn them off or on
    /saran — send a suggestion, complaint or criticism (anonymously if you like)
    /bahasa — switch language (Indonesia/English)
    /info — the newest HR announcements by topic; /info WORD to search
    /langganan — choose the announcement topics you receive
    /tanyasosialisasi QUESTION — ask the speaker of a sosialisasi session
    /hadir CODE — check in at a sosialisasi session with the code announced in the room

    You can also just write a message or send a photo or document: it goes to the HR officers in your open ticket. To add to a particular ticket, reply (Reply) to one of its messages; with several tickets open the bot asks which one.
cmd-start = Start and link your account with a code from HR
cmd-bantuan = Help: list of commands
cmd-tanya = Ask an HR question
cmd-tiket = Open a new ticket (choose a category)
cmd-tiketku = See the status of your tickets
cmd-profil = Your record and salary step, promotion and retirement dates
cmd-pengingat = Reminders: salary step, promotion, retirement, deadlines
cmd-saran = Send a suggestion, complaint or criticism
cmd-bahasa = Switch language (Indonesia/English)
cmd-info = Newest announcements by topic, or search: /info word
cmd-langganan = Choose the announcement topics you receive
cmd-tanyasosialisasi = Ask a question for a sosialisasi session
cmd-hadir = Check in at a sosialisasi session: /hadir CODE
unknown-command = Unknown command. Send /bantuan to see the list of commands.
unsupported-message = Sorry, LAYANI accepts text, photos and documents only for now.
error-generic = Sorry, something went wrong while handling your message. Please try again in a moment.
flood-note = You are sending a lot of messages in one minute. All of them are received and will be handled a little more slowly; please wait a moment.
button-cancel = Cancel

## --- /tanya ---

tanya-usage =
    Write your question after the command, for example:
    /tanya How many days of annual leave do I have left?

## --- /tiket ---

tiket-choose = Choose the category of your question:
tiket-chosen =
    Category: { $category }.
    Now write your question in one message (you may add a photo or document).
tiket-chosen-confidential =
    Category: { $category }.
    This ticket is confidential: only the HR leads can read it.
    Now write your report in one message (you may add a photo or document).
tiket-cancelled = Ticket cancelled.

## --- /tiketku ---

tiketku-empty = You have no tickets yet. Write your question or use /tiket.
tiketku-header = Your tickets (newest first):
tiketku-line =
    #{ $number } · { $category } · { $status }
    { $subject }
status-baru = New
status-ditangani = In progress
status-menunggu_pegawai = Waiting for your answer
status-selesai = Resolved
status-ditutup = Closed

## --- /profil ---

profil =
    Employee record
    Name: { $name }
    NIP: { $nip }
    Rank: { $rank }
    Position: { $position }
    Unit: { $unit }
profil-career = Key dates:
profil-problems = Notes on your record:
profil-kp = Promotion (KP) proposals (SIASN):
profil-correction = If anything is wrong, just write it here and an HR officer will correct it.

## --- /pengingat ---

pengingat-header =
    LAYANI reminders
    Tap a type to turn it off or on (🔔 on, 🔕 off).
pengingat-upcoming = Coming up:
pengingat-none = No reminders for you in the next 12 months.
pengingat-more = … and { $count } more
pengingat-muted = { $kind } reminders turned off
pengingat-unmuted = { $kind } reminders turned on
pengingat-pension-ticket-opened = Retirement ticket opened. An HR officer will reply here.
pengingat-pension-ticket-exists = You already have an open retirement ticket, #{ $number }. Just write your message here.

## --- /saran ---

saran-choose-kind = What would you like to send?
saran-kind-masukan = Suggestion
saran-kind-keluhan = Complaint
saran-kind-kritik = Criticism
saran-choose-anon =
    { $kind }: send it with your name or anonymously?

    Anonymous means no link to you is stored anywhere: not with the feedback, not in the audit log, not in the message to the HR team and not in the system logs. For the same reason HR cannot reply to anonymous feedback.
saran-anon-yes = Anonymous
saran-anon-no = With my name
saran-write-anon =
    Write your { $kindLower } in one text message.
    It will be sent anonymously: no link to you is stored anywhere.
saran-write-named =
    Write your { $kindLower } in one text message.
    Your name and unit will be included.
saran-choose-first = Please choose with the buttons in the message above first, or send /saran to start again.
saran-text-only = Feedback can only be sent as text. Please write it in one text message.
saran-too-long = That is too long (at most 5,000 characters). Please shorten it and send it again.
saran-sent-anon = Thank you. Your { $kindLower } was passed on anonymously to the HR team.
saran-sent-named = Thank you. Your { $kindLower } was passed on to the HR team.
saran-cancelled = Feedback cancelled.
saran-confirm-anon =
    Send the following { $kindLower } anonymously?

    { $text }

    Check it first: once you press "Send anonymously" it cannot be withdrawn, and as it is anonymous HR cannot reply to it. Nothing is sent until you press the button. To change it, just send the new text.
saran-confirm-send = Send anonymously
saran-confirm-stale = This draft is no longer valid. Type /saran to start again.
route-stale = This choice is no longer valid. Please send your message again.
edit-not-relayed = Your edit was not passed on to HR: that message is not part of an open ticket. If needed, send the new text as a new message.

## --- /bahasa ---

bahasa-set = Language switched to English. Send /bahasa again to switch back to Bahasa Indonesia.

## --- satisfaction rating (CSAT) ---

csat-prompt = Ticket #{ $number } has been resolved. How satisfied are you with the help? (1 = very unsatisfied, 5 = very satisfied)
csat-rated = Rating saved
csat-comment-ask =
    Thank you for your rating: { $stars }
    Would you like to add a comment? Just write it in one message, or press Skip.
csat-skip = Skip
csat-thanks = Thank you for your rating.
csat-comment-thanks = Thank you, we have received your comment.
csat-failed = The rating could not be saved for this ticket.

## --- FAQ answers ---

faq-contact-hr = Contact HR
faq-thanks = Thank you for your feedback.

## --- /info: HR information desk ---

info-header-all = 📚 HR information desk — all topics
info-header-topic = 📚 HR information desk — { $topic }
info-header-search = 🔎 Search results for "{ $query }"
info-page = Page { $page } of { $pages } · { $total } announcements, newest first
info-empty = No announcements here yet.
info-empty-search = No announcement contains "{ $query }". Try other words, or send /info to see them all.
info-source = Source: { $source }
info-source-default = HR team
info-attachment = 📎 { $name }
info-closes = { $kind } · applications close { $date }
info-closed = { $kind } · applications closed
info-valid-until = in force until { $date }
info-ack-done = ✅ you confirmed it
info-ack-needed = ⚠️ confirmation required
info-session-cancelled = ❌ this session was cancelled
info-session-rejected = ❌ this session will not take place
info-footer = Press 📄 and the number to read it in full with its attachment. Search with /info keyword; choose the topics sent to you with /langganan.
info-prev = « Previous
info-next = Next »
info-all-topics = All topics
info-sent-below = The full announcement is sent below.

## --- /langganan ---

langganan-header =
    Announcement topics sent to you (✅ on, 🔕 off). Press one to change it.
    Announcements the HR team marks mandatory still reach you, and every announcement stays in /info.
langganan-saved-on = You will receive { $topic } announcements again.
langganan-saved-off = { $topic } announcements are no longer sent to you, except mandatory ones.

## --- career opportunities ---

minat-saved = Your interest is noted. We will remind you 3 working days before applications close ({ $date }).
minat-already = Your interest was already noted.
minat-button-done = ✅ Saya tertarik

## --- sosialisasi ---

rsvp-saved-hadir = Thank you, you are noted as attending in person.
rsvp-saved-tidak = Thank you, you are noted as not attending.
rsvp-saved-online = Thank you, you are noted as attending online.
rsvp-full = Sorry, every seat in the room is taken.
rsvp-full-online = Every seat in the room is taken. You can still attend online: press "Online".
tanyasos-none = No sosialisasi session is taking questions from you right now.
tanyasos-choose = Which sosialisasi session is your question for?
tanyasos-choose-first = Choose the session with the buttons on the message above first.
tanyasos-write = Write your question for the session "{ $title }" in one message.
tanyasos-text-only = Questions can only be sent as text. Write it in one message.
tanyasos-saved = Your question (no. { $number }) for the session "{ $title }" has been passed to the speaker. Personal data such as NIPs and phone numbers are masked.
hadir-usage = Send the code announced in the sosialisasi room, for example: /hadir K7P2QX
hadir-ok = Your attendance at the sosialisasi "{ $title }" is recorded. Thank you!
hadir-again = Your attendance at the sosialisasi "{ $title }" was already recorded.

## --- satisfaction survey (SKM) ---

skm-question = Satisfaction survey — question { $n } of 9
    { $question }
skm-cancel = Cancel the survey
skm-cancelled = Survey cancelled. The "Take the survey" button above still works.
skm-closed = The survey for this ticket was already taken or is no longer available.
skm-press-start = Press "Take the survey" on the survey message first.
skm-thanks-anon = Thank you! Your answers were stored without your name or ticket number.
skm-thanks = Thank you! Your answers were stored.
skm-u1 = How well did the requirements fit the service you asked for?
skm-u1-scale = 1 Not at all | 2 Somewhat | 3 Well | 4 Very well
skm-u2 = How easy was the procedure of this HR service?
skm-u2-scale = 1 Not easy | 2 Fairly easy | 3 Easy | 4 Very easy
skm-u3 = How quickly were you served?
skm-u3-scale = 1 Not quickly | 2 Fairly quickly | 3 Quickly | 4 Very quickly
skm-u4 = How fair was the cost/fee of this service?
skm-u4-scale = 1 Very expensive | 2 Rather expensive | 3 Cheap | 4 Free
skm-u5 = How well did the result match what the service standard promises?
skm-u5-scale = 1 Not at all | 2 Somewhat | 3 Well | 4 Very well
skm-u6 = How competent were the staff who served you?
skm-u6-scale = 1 Not competent | 2 Fairly competent | 3 Competent | 4 Very competent
skm-u7 = How polite and friendly were the staff?
skm-u7-scale = 1 Not polite | 2 Fairly polite | 3 Polite and friendly | 4 Very polite and friendly
skm-u8 = How are complaints and suggestions from service users handled?
skm-u8-scale = 1 Not at all | 2 Exists, does not work | 3 Could be better | 4 Handled well
skm-u9 = How good are the service's facilities (including this bot and channel)?
skm-u9-scale = 1 Poor | 2 Fair | 3 Good | 4 Very good
