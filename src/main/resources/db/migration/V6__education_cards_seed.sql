-- Shipped education cards (clinic_id null): the starter set every clinic sees.
--
-- Cards are insert-only (see V5): a changed card is a new row in a later migration.
-- All text is our own, patient-facing, second person, plain English, written for a
-- person with sciatica reading on a phone. General guidance, not a diagnosis: each card
-- points back to the patient's own therapist, and anything urgent to the red-flag card.
--
-- Conventions:
--   * ids are fixed so that tests, apps and replicas can rely on them:
--       education cards c0000000-0000-4000-8000-0000000000NN
--   * body is Markdown: short paragraphs, "## " subheadings, "- " bullet lists, at most
--     one **bold** key sentence; no images, no links.
--   * tags come from this vocabulary only: flare-up, sitting, sleep, pacing, walking,
--     pain-science, exercise, red-flags, work, driving.
--   * bodies are dollar-quoted ($body$ ... $body$) so apostrophes need no escaping.

insert into education_card (id, clinic_id, slug, title, body, tags)
values

-- 01 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000001', null, 'calming-a-flare-up',
 'Calming a flare-up',
$body$A flare-up is a spell when your pain or leg symptoms are clearly worse than usual. It can feel alarming, but flare-ups are a very common part of recovering from sciatica, and most settle within a few days.

**A flare-up is a setback, not a sign that you are back at the start.**

## The first 48 hours

- Keep gently moving. Long spells of bed rest tend to make stiffness and pain worse. Short, easy movement helps.
- Go shorter and more often. A five-minute walk every hour or two is better than one long outing.
- Use positions of ease. Find the positions that calm your leg, such as lying on your side with a pillow between your knees, and use them between bouts of activity.
- Try heat or cold if it helps. A warm pack or a wrapped cold pack for 15 to 20 minutes is fine. Use whichever feels better, and keep a cloth between it and your skin.
- Keep your easiest exercises going. Do the gentlest ones in your plan, with fewer reps, staying within comfort. Leave out anything that sends symptoms further down your leg.

Keep logging your sessions and pain scores in the app, even the short ones. That helps your therapist see how things are going.

## When to contact your therapist

- The flare-up is not easing after three or four days
- Your symptoms are spreading further down your leg
- You are unsure which exercises to keep doing
- You are finding it hard to sleep or get through the day

## When to get urgent help

Some symptoms are not a normal flare-up and need a doctor the same day. Read the card "Red flags: when to get help now", and use the red-flag check-in in the app if anything on it sounds familiar.$body$,
 array['flare-up', 'pacing']),

-- 02 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000002', null, 'hurt-versus-harm',
 'Hurt versus harm: how much pain is okay?',
$body$It is natural to worry that pain during exercise means you are doing damage. With sciatica, that is usually not the case. A sensitive nerve and the tissues around it can complain long before anything is being harmed.

**Hurting is not the same as harming.**

## A simple 0 to 10 guide

Rate your pain during an exercise, where 0 is no pain and 10 is the worst you can imagine.

- 0 to 3: fine. Carry on as planned.
- 4 to 5: acceptable, as long as it settles by the next morning.
- Above 5: too much for now. Stop that exercise, or do fewer reps or a smaller range, and tell your therapist if it keeps happening.

Some discomfort while you exercise is expected, especially early on or after a step up in your plan. What matters most is how your body responds over the next day.

## The next-morning check

When you wake up, compare your pain and stiffness with the day before.

- Same or better: your body coped well. Keep going, and your plan may step up a little.
- Worse: that was a bit much. Ease back next time with fewer reps or an easier version, then build up again.

The app asks you about this each morning, so answer honestly. Your answers help your therapist set the right level for you.

## One exception

If an exercise makes your symptoms spread further down your leg, stop that exercise, even if the pain score is low, and let your therapist know.$body$,
 array['pain-science', 'exercise', 'flare-up']),

-- 03 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000003', null, 'nerve-pain-explained',
 'Nerve pain explained',
$body$Sciatica is not a diagnosis in itself. It is a name for pain that follows the path of the sciatic nerve.

## What is going on

The sciatic nerve is the largest nerve in your body. It starts as several nerve roots leaving your lower spine, which join together and run through your buttock and down the back of your leg to your foot.

If one of those roots is irritated or squeezed, for example by a bulging disc or swollen tissue nearby, it becomes sensitive. Your brain then feels the problem along the route the nerve supplies, not just where the irritation is. That is why your trouble may start in your back, yet you feel it in your buttock, thigh, calf or foot.

Nerve pain can feel different from other pain. You might notice:

- Burning, shooting or electric pain
- Pins and needles or tingling
- Numb patches
- A heavy or weak feeling in the leg

## Which way are your symptoms moving?

Where you feel symptoms can change from day to day, and the direction tells you and your therapist a lot.

**If your symptoms move back up towards your spine, that is a good sign, even if your back feels a bit sorer for a while.** This is called centralisation, and it usually means the nerve is settling.

If your symptoms spread further down your leg, stop the exercise or activity that seems to cause it and tell your therapist. It does not mean you have done damage. It means that movement is not right for you at the moment, and your plan may need to step back.

Most people with sciatica improve over weeks to months, and staying active is one of the best ways to help.$body$,
 array['pain-science']),

-- 04 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000004', null, 'sitting-smarter',
 'Sitting smarter',
$body$Sitting for a long time often makes sciatica worse. You do not have to avoid chairs, but a few small changes can make a real difference.

## Break it up

**Get up and move every 20 to 30 minutes, even if it is only for a minute.**

- Stand up, walk to the kitchen, or do a few gentle back bends standing
- Set a quiet reminder on your phone or computer
- Take phone calls standing or walking
- On long car journeys, plan a stop to get out and walk around every hour or so

## Set up your chair

- Sit right back in the seat so your back is supported
- Keep your hips level with or a little higher than your knees
- Rest your feet flat on the floor or on a footrest
- Bring the screen to eye level and the keyboard close, so you do not lean forward
- Avoid very soft, low sofas for long spells

## Try a lumbar roll

A small cushion or rolled-up towel in the curve of your lower back, at about belt height, helps you keep a gentle inward curve without effort. Many people with sciatica find this eases their leg symptoms when sitting. It works in the car too.

## Getting up from a chair

1. Shuffle forward to the front edge of the seat.
2. Place your feet hip-width apart, one slightly behind the other.
3. Keep your back fairly straight and lean forward from your hips.
4. Push through your legs, using your hands on your thighs or the armrests if you need to.

Reverse the steps to sit down. Take it slowly; there is no rush.$body$,
 array['sitting', 'work', 'driving']),

-- 05 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000005', null, 'sleeping-positions',
 'Sleeping positions that help',
$body$Good sleep helps your body recover, but sciatica can make it hard to get comfortable. There is no single best position. Try these ideas and keep whatever works for you.

## On your side

- Lie on your side with your knees gently bent
- Put a pillow between your knees so your top leg does not pull your hips and back out of line
- Many people find lying on the pain-free side more comfortable, but try both

## On your back

- Place one or two pillows under your knees
- This takes some strain off your lower back and the nerve
- A small rolled towel under your lower back can also help

## On your front

Some people are comfortable lying face down, especially if bending backwards eases their symptoms. A thin pillow under your stomach can help. If it makes your leg worse, choose another position.

## Getting in and out of bed: the log roll

Twisting and sitting straight up can set off a sharp twinge. Try moving as one unit instead.

Getting out:

1. Bend your knees and roll onto your side, keeping your shoulders and hips moving together.
2. Let your feet slide off the edge of the bed.
3. Push yourself up sideways with your arms as your legs lower to the floor.

Getting in: reverse the steps. Sit on the edge, lower yourself onto your side using your arms, lift your legs up, then roll onto your back if you wish.

## During a flare-up

Pain is often worse at night during a flare-up. Change position when you need to, and if you wake stiff, a few gentle movements before getting up can help. Let your therapist know if you are struggling to sleep.$body$,
 array['sleep', 'flare-up']),

-- 06 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000006', null, 'pacing-your-day',
 'Pacing your day',
$body$On a good day it is tempting to catch up on everything. On a bad day you might do almost nothing. Pacing helps you break out of that pattern.

## The boom-and-bust cycle

- You feel better, so you do a lot: a big shop, the garden, a long drive
- Your pain flares, so you rest for a day or two
- You lose fitness and confidence, and everything feels harder
- You feel better again, and the cycle repeats

Over time this cycle can make you do less, not more.

## Find your baseline

Your baseline is the amount of an activity you can do on a good day and a bad day without a flare-up afterwards. To find it:

- Notice how long you can comfortably do something, such as walking, standing or sitting
- Take a little less than that as your starting point
- It may feel small. That is fine. It is meant to be easy.

## Plan, do, rest

- Plan your day ahead. Spread heavier jobs across the week instead of doing them all at once.
- Do each task in chunks that stay within your baseline.
- Rest or switch before pain forces you to. Change position, take a short walk, or move to a different kind of task.

**Stop while you still feel you could do a bit more.**

## Build up gradually

When your baseline feels steady for a week or so, increase it a little, for example by a few minutes or one more chunk. Small, regular steps add up faster than big jumps followed by setbacks.

At work, the same ideas apply: break long tasks into chunks, alternate sitting and standing, and speak to your manager about short, regular breaks.$body$,
 array['pacing', 'flare-up', 'work']),

-- 07 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000007', null, 'walking-for-recovery',
 'Walking for recovery',
$body$Walking is one of the simplest and most useful things you can do for sciatica. It keeps your back and legs moving, helps the nerve glide, and lifts your mood. You need no equipment.

**Short, frequent walks usually help more than one long one.**

## Getting started

- Begin with a distance you can manage comfortably, even if that is only five minutes
- Walk two or three times a day if you can
- Choose flat, even ground at first. Hills and rough paths can come later
- Wear comfortable, supportive shoes

## How to walk

- Stand tall, as if a string is gently lifting the top of your head
- Look ahead, not down at your feet
- Let your arms swing naturally
- Take comfortable steps at a relaxed pace. Shorter steps can help if longer ones pull on your leg

## Building up

Once a walk feels easy for a few days, add a few minutes. Keep it steady rather than racing ahead. If your therapist has set a walking programme in the app, follow the minutes shown there and log each walk.

## If your leg symptoms increase while walking

- Slow down and take shorter steps
- Stop and stand tall for a moment, or gently lean back with your hands on your hips, if that eases things
- Some people find sitting briefly, or leaning forward on a rail or bench, settles symptoms
- Walk home at an easier pace, and make the next walk a little shorter

If symptoms spread further down your leg, or your leg starts to feel weak or your foot catches on the ground, stop and tell your therapist. If weakness is getting worse, read the card "Red flags: when to get help now".$body$,
 array['walking', 'exercise']),

-- 08 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000008', null, 'red-flags-get-help-now',
 'Red flags: when to get help now',
$body$Almost all sciatica, even when it is very painful, is not dangerous and gets better with time and the right exercise. Rarely, though, symptoms point to something that needs a doctor quickly. Knowing the warning signs lets you act fast.

**If you notice any of these, stop your exercises and get medical help today. Do not wait for your next appointment.**

## Get emergency help straight away

These can be signs of pressure on the nerves that control your bladder, bowel and legs:

- Numbness or tingling in your saddle area: between your legs, around your back passage or genitals, or on your inner thighs
- New problems with your bladder or bowel, such as difficulty passing urine, not feeling when you need to go, or leaking
- Sciatica symptoms in both legs at the same time
- Weakness in your leg that is getting worse
- Foot drop: your foot slaps down or your toes catch the ground when you walk

Go to an emergency department or call your local emergency number.

## See a doctor the same day

- Fever, or feeling generally unwell alongside your back pain
- Weight loss you cannot explain
- A past history of cancer, with new back pain
- Pain at night that does not change when you move or shift position
- Back pain that started after a fall, accident or other injury

## Use the red-flag check-in

If any of these sound familiar, answer the red-flag check-in in the app. It alerts your care team, but it does not replace getting medical help. Please seek care yourself as well, straight away.

If you are unsure, it is always better to get checked. No doctor or therapist will mind.$body$,
 array['red-flags']),

-- 09 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000009', null, 'why-exercise-helps',
 'Why exercise helps',
$body$When you are in pain, resting can feel like the safest choice. For sciatica, though, the right exercise is one of the best treatments there is. Your home exercises are the core of your recovery.

## What your exercises do

- Build strength for a steadier spine. Stronger muscles around your trunk and hips support your lower back and take pressure off sensitive tissues.
- Keep the nerve moving. Your sciatic nerve needs to slide as you move. Gentle nerve glides help it move freely, which can ease tingling and pulling down the leg.
- Ease stiffness. Stretches and mobility exercises loosen tight muscles and joints, so everyday movements feel easier.
- Rebuild confidence. Each session shows you that your back can move and take load. Feeling less afraid of movement is a big part of getting better.

## Step by step

Your plan starts at a level you can manage and gets a little harder over time, for example a few more reps, a longer hold, or the next exercise in a series. **Small, steady steps are what make the change.**

Progress is rarely a straight line. Some weeks will feel better than others, and that is normal.

## The app adjusts with you

After each session you log your pain, and each morning you tell the app how you feel. Your therapist uses these reports to decide when to step your plan up, keep it the same, or ease it back. That is why honest reports matter, good days and bad.

## Getting the most from it

- Do your exercises on the days set in your plan, even the short sessions
- Quality beats quantity: slow and controlled
- If something does not feel right, tell your therapist. You can ask questions at any time.$body$,
 array['exercise', 'pain-science']),

-- 10 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000010', null, 'preventing-the-next-flare',
 'Preventing the next flare-up',
$body$Learning to manage your back is one of the most valuable things you take away from your treatment. Flare-ups can still happen, but you can make them less likely, and shorter when they do come.

## Keep a maintenance routine

When you feel better, it is easy to let your exercises slip. A short routine kept up over time protects the progress you have made.

- Pick the three or four exercises that help you most
- Do them two or three times a week, even when you feel well
- Keep walking and staying active in ways you enjoy
- Ask your therapist to help you set up your routine before your treatment ends

## Know your early warning signs

Most flare-ups give a hint before they arrive. Yours might be:

- Stiffness that lasts longer in the morning
- A familiar ache or tingling returning to your buttock or leg
- Finding it harder to sit or stand for your usual time
- A busy or stressful spell, or poor sleep

**Act early: small changes at the first sign often stop a flare-up growing.**

## Write your personal flare-up plan

Write a short plan now, while you feel well, and keep it on your phone. It could include:

- The positions that ease your pain
- Two or three gentle exercises that always help
- How you will cut back on activity for a few days, then build up again
- Whether heat or cold works better for you
- When you will contact your therapist

## Remember what helped last time

After each flare-up, take a minute to note what seemed to set it off and what helped most. Over time you will learn your own pattern, and your plan will get better and better.$body$,
 array['flare-up', 'pacing', 'exercise']),

-- 11 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000011', null, 'lifting-and-bending',
 'Lifting and bending with confidence',
$body$You do not need to stop bending or lifting for good. Your back is strong and built to move. While your sciatica is settling, though, a few habits can keep everyday tasks comfortable.

**Bending is not dangerous. The aim is to build up gradually, not to avoid it.**

## Before you lift

- Check the weight first. Split a heavy load into smaller ones, or ask for help
- Clear your path so you will not need to twist or stretch around things
- Keep the job short, and pace repeated lifting with breaks

## How to lift

- Stand close to the object with your feet about hip-width apart
- Bend your hips and knees, keeping your back in a comfortable position
- Brace your tummy gently, as you practise in your exercises
- Hold the load close to your body
- Lift smoothly, without jerking
- Turn with your feet rather than twisting your back

## Everyday bending

- Low jobs: kneel on one knee or sit on a low stool rather than stooping for a long time
- Sinks and worktops: open the cupboard below and rest one foot on the shelf, or stand close
- Shoes and socks: sit down and bring your foot up towards you
- Unloading the washing machine or dishwasher: do a few items at a time and stand up between

## At work

If your job involves lifting, talk to your manager or workplace health team. Lighter or shared tasks for a while, and a gradual return to full duties, often help. Your therapist can advise on what suits you.

If lifting sends symptoms further down your leg, ease back and tell your therapist.$body$,
 array['work']),

-- 12 -------------------------------------------------------------------------------
('c0000000-0000-4000-8000-000000000012', null, 'driving-comfortably',
 'Driving comfortably',
$body$Driving combines long sitting, vibration and twisting to check around you, so it can be hard on sciatica. Some simple changes can make journeys easier.

## Set up your seat

- Move the seat close enough that you can press the pedals fully without stretching your leg straight
- Sit upright with the backrest only slightly reclined
- Keep your hips level with or a little higher than your knees. A firm cushion can help in a low seat
- Use the lumbar support, or a small cushion or rolled towel at belt height
- Adjust your mirrors once you are settled, so you are not leaning or twisting to see

## On the journey

- Plan breaks. Stop every 45 to 60 minutes to get out, walk around and stretch. On a bad day, stop more often
- Shift your position a little now and then, and gently press your back into the seat
- Try not to drive for long spells during a flare-up, if you can avoid it
- Use cruise control, where it is safe, to give your right leg a rest

## Getting in and out

- Getting in: stand with your back to the seat, sit down, then swing both legs in together, turning your hips and shoulders as one
- Getting out: reverse it. Swing both legs out together, then stand up, using the door frame if you need to

## Is it safe to drive?

**Only drive if you can move freely and react quickly, including braking hard in an emergency.** Strong pain, numbness or weakness in your leg, or pain medicine that makes you drowsy, can all affect this. If you are unsure, ask your therapist or doctor before you drive.$body$,
 array['driving']);
