"""The event engine on sentences written for these tests: voice, arguments, modality, reported speech."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from corridor.model import Article, CodedArticle, Event
from corridor.pipeline import Pipeline


def code(pipeline: Pipeline, text: str, date: str = "2022-03-01", **kw: object) -> CodedArticle:
    return pipeline(Article(text=text, doc_id="t", date=date))


def triples(coded: CodedArticle) -> set[tuple[str, str, str]]:
    return {(e.source.code if e.source else "", e.cameo, e.target.code if e.target else "") for e in coded.events}


def dyads(pipeline: Pipeline, text: str, date: str | None) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source code, target code) of each event coded in ``text``."""
    c = pipeline(Article(text=text, doc_id="t", date=date))
    return [(e.cameo, e.source.code if e.source else None, e.target.code if e.target else None) for e in c.events]


def first(coded: CodedArticle, root: str) -> Event:
    return next(e for e in coded.events if e.cameo_root == root)


def test_active_passive_and_nominal(pipeline: Pipeline) -> None:
    assert ("RUSMIL", "190", "UKR") in triples(code(pipeline, "Russian troops attacked Ukraine."))
    assert ("RUSMIL", "190", "UKR") in triples(code(pipeline, "Ukraine was attacked by Russian troops."))
    c = code(pipeline, "During his telephone conversation with Prime Minister Imran Khan, President Xi Jinping spoke.",
             date="2021-10-28")  # fmt: skip
    ev = first(c, "04")
    assert ev.cameo == "041" and ev.plover == "CONSULT" and ev.plover_mode == "phone"
    assert ev.source is not None and ev.source.code == "CHNGOV"
    assert ev.target is not None and ev.target.code == "PAKGOV"


def test_a_call_to_a_titled_leader_is_a_phone_call(pipeline: Pipeline) -> None:
    # the parser reads the titled name as a predicate ("called him a liar"); an actor there is the object
    c = code(pipeline, "President Emmanuel Macron called President Vladimir Putin on Monday.", date="2022-03-01")
    assert ("FRAGOV", "041", "RUSGOV") in triples(c)
    assert ("FRAGOV", "111", "RUSGOV") in triples(code(pipeline, "Macron called Putin a liar."))


def test_conjoined_arguments_give_one_event_per_pair(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "France and Germany condemned Iran and Syria."))
    assert {("FRA", "111", "IRN"), ("FRA", "111", "SYR"), ("DEU", "111", "IRN"), ("DEU", "111", "SYR")} <= t


def test_sanctions_target_through_the_object(pipeline: Pipeline) -> None:
    c = code(pipeline, "The United States imposed new sanctions on Myanmar.")
    assert ("USA", "163", "MMR") in triples(c)
    assert first(c, "16").plover == "SANCTION" and first(c, "16").quad_class == 4


def test_negation_is_left_out_or_marked(pipeline: Pipeline) -> None:
    assert not code(pipeline, "Japan did not condemn China.").events
    from corridor.api import get_pipeline

    keep = get_pipeline(keep_negated=True)
    c = keep(Article(text="Japan did not condemn China.", doc_id="n", date="2022-03-01"))
    assert c.events and c.events[0].modality == "negated" and c.events[0].negated


def test_intent_maps_to_03x(pipeline: Pipeline) -> None:
    c = code(pipeline, "China will continue to support Pakistan.")
    ev = first(c, "03")
    assert ev.cameo == "032" and ev.modality == "intent" and ev.plover == "AGREE"
    c = code(pipeline, "Egypt is ready to work with Sudan.")
    assert first(c, "03").modality == "intent"


def test_refusal_becomes_rejection(pipeline: Pipeline) -> None:
    c = code(pipeline, "Iran refused to meet the French envoy.")
    assert any(e.cameo_root == "12" for e in c.events)


def test_reported_speech_and_obligation(pipeline: Pipeline) -> None:
    c = code(pipeline, "Chancellor Olaf Scholz said that Russia will attack Ukraine.", date="2022-01-10")
    ev = next(e for e in c.events if e.source and e.source.country == "RUS")
    assert ev.reported_by is not None and ev.reported_by.code == "DEUGOV"
    c = code(pipeline, "Russia said that Sudan must return the helicopter.")
    assert ("RUS", "100", "SDN") in triples(c)


def test_requested_acts_are_not_coded_as_done(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "The United Nations urged Myanmar's military rulers to release political prisoners."))
    assert ("IGOUNO", "020", "MMRGOV") in t  # military rulers govern, like a junta
    assert not any(code.startswith("08") for _, code, _ in t)


def test_statement_only_when_no_other_event(pipeline: Pipeline) -> None:
    c = code(pipeline, "The Kenyan foreign minister said that Uganda faces a difficult year.")
    assert any(e.cameo == "010" for e in c.events)
    c = code(pipeline, "The Kenyan foreign minister said that Uganda attacked Somalia.")
    assert not any(e.cameo == "010" for e in c.events)


def test_event_ids_are_stable(pipeline: Pipeline) -> None:
    text = "Turkish police arrested protesters in Istanbul on Monday."
    a = [e.event_id for e in code(pipeline, text).events]
    b = [e.event_id for e in code(pipeline, text).events]
    assert a and a == b


def test_agentless_events_keep_the_victim(pipeline: Pipeline) -> None:
    # a thing or an uncoded group as subject: the event is kept with an unknown source
    ev = first(code(pipeline, "A car bomb killed three Kenyan soldiers."), "18")
    assert ev.source is None and ev.target is not None and ev.target.code == "KENMIL" and ev.plover == "ASSAULT"
    ev = first(code(pipeline, "An attempt to assassinate the Kenyan finance minister failed."), "18")
    assert ev.cameo == "186" and ev.source is None and ev.target is not None and ev.target.country == "KEN"
    # a finite verb whose subject the parse lost is not coded as agentless
    c = code(pipeline, "Pakistan staunchly pursues the one-China policy, firmly supports China's stance.")
    assert not any(e.source is None and e.cameo_root == "05" for e in c.events)


def test_relative_pronoun_partitive_and_apposition(pipeline: Pipeline) -> None:
    assert ("ETHMIL", "194", "SDN") in triples(code(pipeline, "Ethiopian troops who shelled Sudan withdrew."))
    # the partitive looks through to "food aid": humanitarian aid (073)
    assert ("JPN", "073", "YEM") in triples(code(pipeline, "Japan sent 500 tons of food aid to Yemen."))
    ev = first(code(pipeline, "Maria Lopez, the UN envoy, urged Colombia to resume talks."), "02")
    assert ev.source is not None and ev.source.code == "IGOUNO"


def test_purpose_clause_is_the_subjects_unless_object_control(pipeline: Pipeline) -> None:
    # "used water cannon to disperse": the police disperse, not the cannon
    assert ("KENCOP", "175", "KENCVL") in triples(
        code(pipeline, "Kenyan police used water cannon to disperse student protesters.")
    )


def test_states_on_strike_on_alert_under_arrest(pipeline: Pipeline) -> None:
    ev = first(code(pipeline, "Egyptian troops remained on alert near the border."), "15")
    assert ev.plover == "MOBILIZE" and ev.source is not None and ev.source.code == "EGYMIL"
    c = code(pipeline, "Nigerian doctors went on strike on Monday.")
    assert first(c, "14").plover == "PROTEST" and not any(e.cameo_root == "04" for e in c.events)
    ev = first(code(pipeline, "The former Malian president was placed under arrest."), "17")
    assert ev.cameo == "173" and ev.source is None and ev.target is not None and ev.target.code == "MLIGOV"


def test_stative_passive_and_negated_acceptance(pipeline: Pipeline) -> None:
    assert ("TUR", "110", "GRC") in triples(code(pipeline, "Turkey is opposed to the Greek plan."))
    ev = first(code(pipeline, "Hungary will not accept more migrants from Serbia."), "12")
    assert ev.plover == "REJECT" and ev.source is not None and ev.source.code == "HUN"


def test_demand_nouns_and_obligations_over_subordinate_events(pipeline: Pipeline) -> None:
    c = code(pipeline, "The EU repeated its demand that Belarus free the jailed journalists.")
    ev = first(c, "10")
    assert ev.target is not None and ev.target.code == "BLR"
    assert not any(e.cameo_root == "08" for e in c.events)  # the release is asked for, not done
    c = code(pipeline, "Britain said that Iran must release the tanker that was seized last month.")
    assert ("GBR", "100", "IRN") in triples(c)


def test_protest_is_the_event_its_demand_the_aim(pipeline: Pipeline) -> None:
    c = code(pipeline, "Chilean students marched in Santiago to demand free education.")
    assert max(c.events, key=lambda e: e.confidence).plover == "PROTEST"


def test_peacekeepers_arriving_and_hacking(pipeline: Pipeline) -> None:
    ev = first(code(pipeline, "Indian peacekeepers arrived in South Sudan."), "07")
    assert ev.cameo == "074" and ev.plover == "AID"
    ev = first(code(pipeline, "Russian hackers hacked into the computers of the German parliament."), "17")
    assert ev.plover == "COERCE" and ev.plover_mode == "cyber" and ev.target is not None and ev.target.country == "DEU"


def test_meeting_between_two_parties(pipeline: Pipeline) -> None:
    assert ("ISR", "044", "PSEREB") in triples(code(pipeline, "Qatar hosted a meeting between Israel and Hamas."))


def test_natural_causes_are_nobodys_act(pipeline: Pipeline) -> None:
    assert not code(pipeline, "A powerful earthquake hit Japan on Monday.").events
    assert not any(
        e.cameo_root == "18" for e in code(pipeline, "Two Kenyan students were killed in a road accident.").events
    )


def test_obligation_in_a_speech_noun(pipeline: Pipeline) -> None:
    c = code(pipeline, "The Kenyan president sent a message to Uganda that it must withdraw its troops.")
    assert ("KENGOV", "100", "UGA") in triples(c)


def test_compound_names_the_object_but_dates_are_no_triggers(pipeline: Pipeline) -> None:
    c = code(pipeline, "Israeli troops violated the ceasefire agreement in Gaza.")
    assert first(c, "19").cameo == "196"
    c = code(pipeline, "Indonesian police arrested 20 students in March.")
    assert {e.cameo_root for e in c.events} == {"17"}
    assert not code(pipeline, "The two navies launched a week of war games near Taiwan.").events
    ev = first(code(pipeline, "A contingent of Rwandan peacekeepers arrived in Bangui."), "07")
    assert ev.cameo == "074" and ev.source is not None and ev.source.code == "RWAMIL"


def test_decided_to_is_the_act_itself(pipeline: Pipeline) -> None:
    c = code(pipeline, "Japan decided to lift its sanctions on India.")
    ev = first(c, "08")
    assert ev.modality == "asserted" and ev.plover == "RETREAT"
    assert not any(e.cameo_root == "16" for e in c.events)  # the sanctions are lifted, not imposed


def test_humanitarian_access_and_evacuation(pipeline: Pipeline) -> None:
    c = code(pipeline, "Turkey opened the border crossing to allow the delivery of food to Syria.")
    assert ("TUR", "0863", "SYR") in triples(c)
    ev = first(code(pipeline, "Red Cross boats evacuated the wounded from the island."), "07")
    assert ev.cameo == "073" and ev.plover == "AID"


def test_places_are_no_targets_and_the_owner_of_a_target_is(pipeline: Pipeline) -> None:
    # "southwest of Baghdad" says where; the compound owner of the object's noun is the target
    t = triples(code(pipeline, "France launched air strikes against an Islamic State position southwest of Mosul."))
    assert ("FRA", "195", "IMGMUSISI") in t and not any(tgt.startswith("IRQ") for _, _, tgt in t)
    # a place in "in" is the target only when nothing else is
    t = triples(code(pipeline, "The Taliban attacked a remote Afghan army outpost in northern Kunduz province."))
    assert any(src == "AFGREB" and code_[:2] == "19" for src, code_, _ in t)


def test_no_dyad_between_a_country_and_its_own_state(pipeline: Pipeline) -> None:
    # "withdrew its troops from Syria": the troops are moved, Syria is the target
    t = triples(code(pipeline, "Turkey withdrew its troops from Syria."))
    assert ("TUR", "0874", "SYR") in t and not any(tgt.startswith("TUR") for _, _, tgt in t)
    t = triples(code(pipeline, "Nepal sent troops to Lebanon."))
    assert not any(tgt.startswith("NPL") for _, _, tgt in t)


def test_announced_sanctions_and_warrants(pipeline: Pipeline) -> None:
    assert ("CAN", "163", "RUSBUS") in triples(code(pipeline, "Canada announced new sanctions against Russian banks."))
    t = triples(code(pipeline, "A Kenyan court issued arrest warrants for two Somali businessmen."))
    assert any(src == "KENJUD" and c == "173" and tgt.startswith("SOM") for src, c, tgt in t)


def test_wanted_acts_and_pressure_are_requested_not_done(pipeline: Pipeline) -> None:
    assert not any(e.cameo_root == "19" for e in code(pipeline, "Ghana wants Togo to attack the rebels.").events)
    c = code(pipeline, "The Kenyan president faces pressure from parliament to help Somalia.")
    assert not any(e.cameo_root == "07" for e in c.events)


def test_kinds_of_aid_and_naming(pipeline: Pipeline) -> None:
    ev = first(code(pipeline, "Norway offered military support to Estonia."), "03")
    assert ev.cameo == "0332" and ev.target is not None and ev.target.code == "EST"
    assert ("NOR", "073", "SDN") in triples(code(pipeline, "Norway delivered humanitarian assistance to Sudan."))
    # "calling X a Y" is no phone call
    t = triples(code(pipeline, "The Iranian president called the Saudi foreign minister a liar."))
    assert ("IRNGOV", "111", "SAUGOV") in t and not any(c == "041" for _, c, _ in t)


def test_datelines_and_reporters_are_no_actors(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "NAIROBI, Kenya -- Somali troops arrested three Ethiopian journalists."))
    assert ("SOMMIL", "173", "ETHMED") in t and not any(src.startswith("KEN") for src, _, _ in t)
    c = code(pipeline, "Kenyan troops left Somalia, a Reuters correspondent said.")
    assert not any(e.cameo == "010" for e in c.events)


def test_a_thing_fired_at_a_target_from_a_place(pipeline: Pipeline) -> None:
    ev = first(code(pipeline, "Israel said a rocket was fired at it from Lebanon."), "19")
    assert ev.source is not None and ev.source.code == "LBN" and ev.target is not None and ev.target.code == "ISR"


def test_agents_take_the_country_of_their_own_phrase(pipeline: Pipeline) -> None:
    # "commanders from Iraq" are Iraqi, though the United States is named before them
    c = code(pipeline, "The United States has imposed fresh sanctions on two militia commanders from Iraq.")
    assert ("USA", "163", "IRQMIL") in triples(c)


def test_the_by_phrase_of_an_object_noun_is_the_target(pipeline: Pipeline) -> None:
    # the act's doer, not its victims, is the one condemned; a decision's maker is the one welcomed
    assert ("PAK", "111", "INDMIL") in triples(
        code(pipeline, "Pakistan condemned the killing of civilians by Indian troops.")
    )
    t = triples(code(pipeline, "The Iraqi government welcomed the decision by Kuwait to reopen its embassy."))
    assert ("IRQGOV", "051", "KWT") in t


def test_agents_take_a_later_country_and_states_coerce_at_home(pipeline: Pipeline) -> None:
    # no country before "government forces": the Tunisian rioters after them lend theirs
    assert ("TUNMIL", "190", "TUNCVL") in triples(
        code(pipeline, "Government forces clashed with Tunisian rioters in the capital.")
    )
    # a curfew on its own country is a domestic act, kept although source and target are one state
    c = code(pipeline, "The Jordanian government imposed a curfew on Jordan.")
    assert any(e.cameo == "1723" and e.target is not None and e.target.code == "JOR" for e in c.events)


def test_misparsed_relative_clause_keeps_its_subject(pipeline: Pipeline) -> None:
    # ", which farmers blamed on X" is sometimes parsed as "farmers [who were] blamed": they still blame
    c = code(
        pipeline,
        "The minister condemned the burning of a village in Sudan, which residents blamed on the Sudanese army.",
    )
    blamed = [e for e in c.events if e.trigger.text == "blamed"]
    assert blamed and all(e.target is not None and e.target.code == "SDNMIL" for e in blamed)


def test_demonstrate_as_show_is_no_protest(pipeline: Pipeline) -> None:
    assert not code(pipeline, "The minister wants to demonstrate to voters that the party can govern.").events
    assert "141" in {
        e.cameo for e in code(pipeline, "Hundreds of Kenyan workers demonstrated outside parliament.").events
    }


def test_word_lists_are_data_and_a_replacement_lexicon_is_read(tmp_path: Path) -> None:
    from corridor.api import get_pipeline
    from corridor.event_lexicon import WORD_LISTS, load_event_lexicon
    from corridor.resources import data_path, packaged_yaml

    lex = load_event_lexicon()
    sections = packaged_yaml("lexicons/events.yaml")
    assert len(WORD_LISTS) >= 26 and set(WORD_LISTS) <= set(sections)  # each word-list field has its section
    assert all(getattr(lex, name) for name in WORD_LISTS)  # each list is a section of events.yaml
    assert "on" in lex.state_preps and "off" in lex.loose_particles  # not read as YAML booleans
    assert lex.frame_nouns <= lex.compound_frames
    # a replacement events.yaml (pipeline option event_lexicon) replaces the word lists with the patterns
    text = data_path("lexicons/events.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "events.yaml"
    custom.write_text(text.replace("naming_verbs: [call, label, brand, dub, term]", "naming_verbs: [label]"))
    assert load_event_lexicon(str(custom)).naming_verbs == {"label"}
    sentence = "The Iranian president called the Saudi foreign minister a liar."
    assert ("IRNGOV", "041", "SAUGOV") in triples(code(get_pipeline(event_lexicon=str(custom)), sentence))


def test_an_attack_between_political_actors_is_criticism(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2005-03-01")

    assert coded("Labour attacked the Conservatives over tax.") == [("111", "GBRGOV", "GBROPP")]
    assert coded("The opposition leader attacked the government's budget.")[0][0] == "111"
    assert coded("Government forces attacked the rebels.")[0][0] == "190"  # force
    assert coded("The foreign secretary hit back at the Tories.") == [("111", "GBRGOV", "GBROPP")]
    assert coded("Troops hit back at the rebels.")[0][0] == "190"
    # words of war that the lexicon says are no event, for the relation classifier too
    assert coded("The Liberal Democrats will target the student vote in Britain.") == []
    assert coded("Labour also fought racism in Britain.") == []
    assert coded("Rebels fought government troops near the border.")[0][0] == "190"


def test_force_verbs_of_political_actors_and_strikes_of_workers(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2005-03-01")

    # a political actor's attack on no actor is criticism; its "launched an attack" too
    assert coded("British Prime Minister Tony Blair attacked the way the war was reported.") == [
        ("111", "GBRGOV", None)
    ]
    assert coded("Tony Blair has launched a fierce attack on the Conservative tax proposals.") == [
        ("111", "GBRGOV", "GBROPP")
    ]
    # a contest between parties is no event; force by or against armed actors stays force
    assert coded("Labour will fight the Conservatives in every seat.") == []
    assert coded("Syrian troops attacked rebels near Aleppo.") == [("190", "SYRMIL", "SYRREB")]
    assert coded("Rebels attacked the British prime minister's convoy.")[0][0] == "190"
    # workers and unions who strike stop work (143)
    assert coded("British trade unions carried out strikes across the country.") == [("143", "GBRLAB", None)]
    assert [c for c, _, _ in coded("Public service workers in Britain struck on Friday.")] == ["143"]
    # a strike announced for later is a threat of one (CAMEO 133), as any protest stated as intended
    assert [c for c, _, _ in coded("Public service workers in Britain will strike on Friday.")] == ["133"]


def test_the_place_of_an_event_in_a_sentence_without_a_verb(pipeline: Pipeline) -> None:
    # a headline with no verb: the search for the clause's verb stops at the root (it used to loop forever)
    import signal

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError("place_for_clause did not return")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(30)
    try:
        coded = pipeline(Article(text="Israeli air strikes on Gaza City.", doc_id="t", date=None))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert [(e.cameo[:2], e.location and e.location.country) for e in coded.events] == [("19", "PSE")]


def test_bombs_aircraft_territory_rape_and_riots(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date=None)

    # a bomb set off, or a bomb that kills, with no one named who set it
    assert ("1833", "PAKREB", None) in coded("Militants set off a roadside bomb near Quetta, killing two soldiers.")
    assert coded("A roadside bomb killed two soldiers near Quetta.") == [("183", None, "PAKMIL")]
    # aircraft strike from the air; retaking ground is occupying territory
    assert coded("Saudi-led warplanes pounded Houthi positions in Saada.")[0][0] == "195"
    assert coded("Syrian troops recaptured the town of Palmyra from the rebels.")[0][0] == "192"
    # rape is sexual assault (1821), not any assault (182)
    assert [c for c, _, _ in coded("Army troops raped at least six women in a village near Juba.")] == ["1821"]
    # civilians who clash with police riot (145); armed men who clash fight (190)
    assert coded("Protesters clashed with police in Santiago, Chile.") == [("145", "CHLCVL", "CHLCOP")]
    assert coded("Rebels clashed with government troops near Goma in Congo.")[0][0] == "190"
    assert coded("Clashes between the army and the rebels killed five in Mali.")[0][:2] == ("190", "MLIMIL")
    # a government's attack on no one named is force, not criticism; a chemical one is 2041
    assert coded("The Israeli government carried out an attack in Gaza.")[0][0] == "190"
    assert coded("The Nigerian government had carried out a chemical attack on the village.")[0][0] == "2041"
    assert coded("ISIS fighters used mustard gas during an assault on Mosul.")[0][0] == "2041"
    # sanctions and other measures that "target" someone are no attack
    assert [c for c, _, _ in coded("The White House announced new actions targeting Russia over the hacking.")] == []


def test_natural_causes_and_engaging_in_are_no_attack(pipeline: Pipeline) -> None:
    def coded(text: str) -> list[str]:
        return [e.cameo for e in pipeline(Article(text=text, doc_id="t", date=None)).events]

    assert coded("A second wave of floods hit Kelantan in Malaysia early today.") == []
    assert coded("The Swat valley in Pakistan, which was badly hit by an earthquake last week, remained cut off.") == []
    assert coded("Indian police caught a gang that had been engaged in smuggling phones.") == ["173"]  # an arrest
    assert coded("Syrian troops engaged the rebels near Aleppo.") == ["190"]


def test_counted_victims_are_civilians_and_disasters_nobodys_act(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date=None)

    # counted people who undergo violence are civilians of the country at hand; the doer may stay unknown
    assert coded("A grenade attack killed eleven people at a market in northern Kenya.") == [("183", None, "KENCVL")]
    assert coded("Four people were injured when a grenade exploded near a bus terminal in Davao City.") == [
        ("190", None, "PHLCVL")
    ]
    assert ("1823", "KENUAF", "KENCVL") in coded("Gunmen killed ten people when they stormed a village in Kenya.")
    # counted people with no doer and no word of violence: as likely an accident's toll, not coded
    assert coded("Ten people were killed in Kenya.") == []
    assert coded("Ten people were killed in clashes in Kenya.") == [("1823", None, "KENCVL")]
    # "they" is the doer of the sentence, not its victims
    assert ("190", "KENUAF", "KEN") in coded("Gunmen killed ten people when they stormed a village in Kenya.")
    # people who are not counted, or counted but not acted on, are no actor
    text = "Two people familiar with the matter said Kenya would act."
    assert [a.code for a in pipeline(Article(text=text, doc_id="t", date=None)).actors] == ["KEN"]
    threat = "Kenyan officials said the crisis threatens a nation of 23 million people."
    assert coded(threat) == [("010", "KENGOV", None)]
    # victims of an accident or a disaster, named in a clause of their own, are nobody's target
    assert coded("Fifteen people were wounded when a bus overturned in Peru.") == []
    assert coded("Nine people were killed as floods swept through villages in Kenya.") == []
    assert coded("Five people were killed and 14 hurt after a gas cylinder exploded at a market in Karachi.") == []
    assert coded("Hundreds were killed and 2,000 people hurt after a powerful earthquake rocked Sulawesi.") == []
    # ... while an ambush by rebels is an attack
    ambush = "Ten soldiers were killed when their patrol was ambushed by rebels near Gao in Mali."
    assert ("190", "MLIREB", "MLIMIL") in coded(ambush)


def test_protests_that_happen_and_protesters_who_gather(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date=None)

    # a protest said to happen, with no one named who holds it, is a protest of unknown source
    assert coded("Protests erupted in Minsk after the election.") == [("141", None, None)]
    assert coded("The ruling sparked large demonstrations in several cities.") == [("141", None, None)]
    assert coded("Demonstrations are being held throughout Bangladesh.") == [("141", None, None)]
    assert coded("A car bomb attack took place near the port of Beirut.") == [("183", None, None)]
    # protesters who gather or pour into the streets protest; a crowd that gathers need not
    assert coded("Ukrainian protesters poured into the streets.") == [("141", "UKRCVL", None)]
    assert coded("A crowd gathered to watch the parade.") == []
    # a protest that turns violent is a riot; objects thrown at police too
    assert ("145", None, None) in coded("Protests against the election result have turned violent.")
    assert coded("Projectiles were thrown at police in Bristol.") == [("145", None, "GBRCOP")]
    # opening fire is a shooting, with or without a coded target
    assert coded("Israeli troops opened fire on Palestinian protesters.") == [("193", "ISRMIL", "PSECVL")]
    assert coded("The shop opened its doors on Monday.") == []
    # troops sent somewhere are what is sent, not the target; sarin used is a chemical attack
    assert coded("Troops were sent to Mali.") == [("074", None, "MLI")]
    assert coded("Sarin was used against the rebels by Syrian government forces.")[0][0] == "2041"
    # property wrecked or a bomb planted by no one named: the act without a coded actor
    assert coded("Dozens of foreign-owned stores were looted in Durban overnight.") == [("1712", None, None)]
    assert coded("A second car bomb was detonated near the Aleppo market.") == [("1832", None, None)]
    assert coded("Several houses were destroyed by the floods in Kerala.") == []
    # crimes committed are done, not intended; committing to something is an intent
    assert coded("Myanmar soldiers committed systematic rape against women.") == [("1821", "MMRMIL", None)]
    assert coded("The army committed atrocities in Darfur.") == []
    assert coded("China committed to buying more soybeans.") == [("030", "CHN", None)]
    # a protest that is banned is no protest held
    assert coded("The government banned protests in the capital.") == [("172", "---GOV", None)]


def test_acts_done_with_each_other_go_both_ways(pipeline: Pipeline) -> None:
    def t(text: str) -> set[tuple[str, str, str]]:
        return triples(code(pipeline, text))

    # an act one does with someone, by conjoined subjects or conjoined country words: both ways
    assert {("IND", "040", "PAK"), ("PAK", "040", "IND")} <= t("India and Pakistan held talks on Monday.")
    assert {("IND", "057", "PAK"), ("PAK", "057", "IND")} <= t("India and Pakistan signed a peace agreement.")
    assert {("MYS", "111", "SAU"), ("SAU", "111", "MYS")} <= t("Malaysia and Saudi Arabia traded accusations.")
    fire = t("Indian and Pakistani troops exchanged fire across the border.")
    assert {("INDMIL", "190", "PAKMIL"), ("PAKMIL", "190", "INDMIL")} <= fire
    # a cooperative act is mutual only when the sentence says so
    assert {("CHN", "051", "PAK"), ("PAK", "051", "CHN")} <= t("China and Pakistan always support each other.")
    assert {("PAK", "032", "CHN"), ("CHN", "032", "PAK")} <= t("Pakistan and China should stand together.")
    assert t("The US and Britain welcomed the decision.") == {("USA", "051", ""), ("GBR", "051", "")}
    # "stand" and "work" are cooperation only with someone: "stands by its claim", "is working" are none
    assert ("CHN", "050", "PAK") in t("China stands with Pakistan.")
    assert not any(c.startswith("05") for _, c, _ in t("Russia stands by its claim."))
    assert not any(c.startswith("05") for _, c, _ in t("The slogan says Britain is working."))
    # "agreed to cooperate on trade": the specific event, both ways, not also a bare "agreed"
    assert t("India and Pakistan agreed to cooperate on trade.") == {("IND", "032", "PAK"), ("PAK", "032", "IND")}


def test_a_verb_after_a_comma_takes_the_subject_of_the_verb_before(pipeline: Pipeline) -> None:
    # the parse hangs "pursues ..." under "supports" as its clause and leaves "supports" without a subject
    c = code(pipeline, "Pakistan staunchly pursues the one-China policy, firmly supports China's stance.")
    assert ("PAK", "051", "CHN") in triples(c)


def test_force_during_a_protest_is_not_the_protest_of_the_force(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2022-03-01")

    # the protest took place, held by no one named; the security forces are not its holders
    got = coded("Security forces were accused of using excessive force during the demonstrations.")
    assert ("141", None, None) in got and not any(c == "141" and s for c, s, _ in got)
    # a cooperative act framed in time still takes the subject: "during his talks with X, Y said"
    assert ("USA", "040", "IRN") in triples(code(pipeline, "During its talks with Iran, the US said it wanted peace."))
    # dispersing a crowd or a protest is repression; a crowd that disperses is nothing
    assert ("175", "---COP", "---CVL") in coded("Police dispersed the protesters with tear gas.")
    assert [c for c, _, _ in coded("Security forces violently dispersed a march in Nador.")] == ["175"]
    assert coded("The crowd dispersed peacefully.") == []


def test_releasing_a_document_is_no_release_of_people(pipeline: Pipeline) -> None:
    assert not any(
        e.cameo == "0841" for e in code(pipeline, "The ministry released a list of 40 road projects.").events
    )
    assert ("---REB", "0841", "---CVL") in triples(code(pipeline, "The rebels released two hostages."))
    assert ("ISR", "0841", "PSE") in triples(code(pipeline, "Israel released 26 Palestinians."))


def test_two_verbs_joined_share_their_object_and_a_participle_is_no_second_verb(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "Police have arrested and charged two Kenyan men."))
    assert {("KENCOP", "173", "KENCVL"), ("KENCOP", "112", "KENCVL")} <= t
    # the parser joins "imprisoned" to "says"; the U.S. did not imprison anyone
    text = "The U.S. says it reached a settlement with Iran on payments for Americans unjustly imprisoned there."
    assert not any(e.cameo == "173" for e in code(pipeline, text).events)


def test_the_injured_are_evacuated_like_the_wounded(pipeline: Pipeline) -> None:
    # "the injured" is parsed as the participle (lemma "injure"): evacuating them is still aid
    c = code(pipeline, "Army helicopters airlifted the injured to a hospital in Herat.")
    assert [e.cameo for e in c.events] == ["073"]


def test_people_hurt_are_wounded_and_other_hurt_is_figurative(pipeline: Pipeline) -> None:
    text = "Six civilians were hurt when a bomb went off outside a mosque in Quetta."
    assert ("", "190", "PAKCVL") in triples(code(pipeline, text))
    assert not code(pipeline, "The sanctions hurt ordinary Iranians.").events


def test_a_published_thing_is_no_released_person(pipeline: Pipeline) -> None:
    # a list or a video names or shows people, but releasing it frees no one
    assert not code(pipeline, "The army released a video of two captured pilots.").events
    c = code(pipeline, "The ministry published and released a list of 12 licensed importers.")
    assert not any(e.cameo == "0841" for e in c.events)
    assert ("KEN", "0841", "KENMED") in triples(code(pipeline, "Kenya released a group of detained journalists."))


def test_a_participle_after_a_noun_is_no_act_of_the_speaker(pipeline: Pipeline) -> None:
    # the participle hung on the object noun, tagged as a past tense and joined to "says", or hung on "reached"
    # as its clause: the people were detained, and not by the speaker
    for text in (
        "Britain says it reached an agreement with Iran on compensation for Britons wrongly detained there.",
        "Britain says it signed a deal with Iran on payments for Britons falsely detained there.",
        "France says it reached a settlement with Iran on damages for French citizens wrongly imprisoned there.",
    ):
        assert [e.cameo for e in code(pipeline, text).events] == ["057"]


def test_a_hyphenated_protest_noun_split_by_the_parser(pipeline: Pipeline) -> None:
    # the parser splits "sit-ins" into three tokens; the pattern's "sit-in" still names it
    assert [e.cameo for e in code(pipeline, "Soldiers dispersed sit-ins in three towns.").events] == ["175"]


def test_scores_of_is_a_quantity(pipeline: Pipeline) -> None:
    # the shops are what was torched
    c = code(pipeline, "Scores of shops were torched in the old town overnight.")
    assert [e.cameo for e in c.events] == ["1712"]


def test_students_and_farmers_who_clash_with_police_riot(pipeline: Pipeline) -> None:
    assert ("BGDEDU", "145", "BGDCOP") in triples(code(pipeline, "University students clashed with police in Dhaka."))
    # the stones thrown at no one named are the same riot, against the police
    t = triples(code(pipeline, "Pupils hurling stones clashed with police in the port."))
    assert ("---EDU", "145", "---COP") in t and ("---EDU", "145", "") not in t
    t = triples(code(pipeline, "Farmers clashed with soldiers at a checkpoint."))
    assert ("---AGR", "145", "---MIL") in t and not any(c == "190" for _, c, _ in t)
    # armed men still fight
    assert ("---REB", "190", "---MIL") in triples(code(pipeline, "Rebels clashed with troops near the border."))


def test_a_denied_clause_is_no_event(pipeline: Pipeline) -> None:
    assert ("ISR", "190", "") in triples(code(pipeline, "The minister said that Israel had attacked the convoy."))
    c = code(pipeline, "The minister denied that Israel had attacked the convoy.")
    assert not any(e.cameo_root == "19" for e in c.events)
    c = code(pipeline, "The rebels deny they are negotiating with the Russian military.")
    assert not any(e.cameo_root == "04" for e in c.events)


def test_a_relative_clause_takes_the_date_of_its_noun(pipeline: Pipeline) -> None:
    text = "Turkey apologized to Greece for a 2011 naval raid that killed four fishermen."
    killed = next(e for e in code(pipeline, text, date="2013-03-22").events if e.trigger.text == "killed")
    assert (killed.date, killed.date_source) == ("2011", "clause")


def test_declining_to_comment_is_011(pipeline: Pipeline) -> None:
    assert ("TURGOV", "011", "") in triples(code(pipeline, "Turkish officials refused to comment on the report."))
    assert ("IRN", "011", "") in triples(code(pipeline, "Iran declined to comment on the Israeli strike."))
    assert ("IRN", "125", "") in triples(code(pipeline, "Iran refused to meet the envoy."))


def test_what_a_could_clause_brings_about_is_hypothetical(pipeline: Pipeline) -> None:
    c = code(pipeline, "The deal could see India invest billions in Russia.")
    ev = next(e for e in c.events if e.cameo_root == "06")
    assert ev.modality == "hypothetical"


def test_an_object_clause_shares_the_intent_of_its_verb(pipeline: Pipeline) -> None:
    c = code(pipeline, "Turkey has promised to sign an accord recognising Cyprus.")
    recognising = [e for e in c.events if e.trigger.text == "recognising"]
    assert recognising and all(e.modality == "intent" for e in recognising)
    c = code(pipeline, "Turkey signed an accord recognising Cyprus.")
    assert any(e.cameo == "054" and e.modality == "asserted" for e in c.events)


def test_a_quoted_name_for_a_thing_is_criticism(pipeline: Pipeline) -> None:
    c = code(pipeline, 'The minister called the court ruling "a disgrace".')
    assert [e.cameo for e in c.events] == ["111"]


def test_pressing_on_with_an_operation_is_no_request(pipeline: Pipeline) -> None:
    assert not code(pipeline, "Syria's army is pressing its military operations near the capital.").events
    assert ("USAGOV", "020", "IRN") in triples(code(pipeline, "Washington pressed Iran to halt enrichment."))
    assert ("---OPP", "020", "") in triples(code(pipeline, "The opposition pressed for early elections."))


def test_figurative_meeting_and_surrender_are_no_events(pipeline: Pipeline) -> None:
    assert not code(pipeline, "The envoy's proposal met a cool reception in Brussels.").events
    assert not code(pipeline, "Britain faces surrendering a key veto over EU budget rules.").events
    assert ("---REB", "0874", "---MIL") in triples(code(pipeline, "The rebels surrendered to government troops."))


def test_closing_a_foreign_mission_reduces_relations(pipeline: Pipeline) -> None:
    # was 030 (intent to cooperate) from the classifier fallback: no lexicon pattern knew "close" + mission
    c = code(pipeline, "Moscow will close the Canadian consulate in Kazan, officials said.")
    ev = next(e for e in c.events if e.trigger.text == "close")
    assert ev.cameo == "1313" and ev.modality == "intent"
    assert ("RUSGOV", "1313", "CANGOV") in triples(c)
    c = code(pipeline, "Norway shut down the Iranian embassy in Oslo on Friday.")
    assert any(e.cameo == "161" and e.source is not None and e.source.country == "NOR" for e in c.events)
    assert not code(pipeline, "The bakery will close at noon on Friday.").events


def test_the_holder_of_a_decision_does_what_it_decides(pipeline: Pipeline) -> None:
    c = code(pipeline, "The protest followed the Dutch decision to expel two Chinese diplomats.")
    ev = next(e for e in c.events if e.trigger.text == "expel")
    assert ev.source is not None and ev.source.country == "NLD"
    assert ev.target is not None and ev.target.country == "CHN"
    c = code(pipeline, "Critics attacked Canberra's plan to deport the refugees.")
    ev = next(e for e in c.events if e.trigger.text == "deport")
    assert ev.source is not None and ev.source.country == "AUS"


def test_going_home_or_travelling_privately_is_no_visit(pipeline: Pipeline) -> None:
    c = code(pipeline, "Iranian diplomats boarded a plane on Sunday to fly to Tehran.")
    assert not [e for e in c.events if e.cameo == "042"]
    c = code(pipeline, "Danish tourists travelling to Egypt were warned about the heat.")
    assert not [e for e in c.events if e.cameo == "042"]
    c = code(pipeline, "The Indian foreign minister flew to Canberra on Monday.")
    assert ("INDGOV", "042", "AUSGOV") in triples(c)


def test_a_call_placed_to_a_leader_is_a_phone_call(pipeline: Pipeline) -> None:
    c = code(pipeline, "Scholz made a congratulatory phone call to Macron on Monday.", date="2022-04-26")
    assert ("DEUGOV", "041", "FRAGOV") in triples(c)
    c = code(pipeline, "On Friday the Japanese prime minister placed a call to Biden.", date="2022-04-26")
    assert ("JPNGOV", "041", "USAGOV") in triples(c)
    # a demand is no call: "calls to X to do Y"
    c = code(pipeline, "The union renewed its calls to the cabinet to resign.")
    assert not [e for e in c.events if e.cameo == "041"]
    # and a phone call is no statement with the one called as its content
    assert not code(pipeline, "Scholz made a phone call to Macron.", date="2022-04-26").quotes


def test_an_act_on_each_other_goes_both_ways(pipeline: Pipeline) -> None:
    c = code(pipeline, "Peru and Ecuador accused each other of moving troops to the border.")
    assert {("PER", "112", "ECU"), ("ECU", "112", "PER")} <= triples(c)  # no crime (1121) is named
    c = code(pipeline, "Serbia and Kosovo blamed one another for the unrest.")
    assert {("SRB", "112", "KSV"), ("KSV", "112", "SRB")} <= triples(c)


def test_a_statement_is_about_the_arguments_of_what_was_said(pipeline: Pipeline) -> None:
    # a country deep in a phrase of the reported clause is not whom the statement is about
    c = code(pipeline, "Brazil said the pact served the interests of Brazil and Argentina.")
    assert ("BRA", "010", "") in triples(c) and not [e for e in c.events if e.target is not None]
    c = code(pipeline, "Kenya's foreign ministry said the Somali troops had left the Ethiopian border.")
    assert ("KENGOV", "010", "SOMMIL") in triples(c)
    assert ("IRN", "010", "USA") in triples(code(pipeline, "Iran said the United States had broken the deal."))


def test_the_state_someone_is_expelled_from_expels_them(pipeline: Pipeline) -> None:
    c = code(pipeline, "Three Syrian diplomats were expelled from Norway on Tuesday.")
    assert ("NOR", "161", "SYRGOV") in triples(c)
    # a recall is by the sender: "from" names the host
    c = code(pipeline, "The Dutch ambassador was recalled from Ankara.")
    assert not [e for e in c.events if e.source is not None and e.source.country == "TUR"]


def test_a_when_clause_on_a_year_takes_that_year(pipeline: Pipeline) -> None:
    c = code(pipeline, "Estonia joined the coalition in 2004, when it sent troops to Iraq.", date="2018-04-05")
    ev = next(e for e in c.events if e.trigger.text == "sent")
    assert ev.date == "2004"


def test_saying_someone_is_behind_a_harm_is_an_accusation(pipeline: Pipeline) -> None:
    c = code(pipeline, "Estonia's premier said Russia was most likely responsible for the cyberattack.")
    assert ("ESTGOV", "112", "RUS") in triples(c)
    assert ("AFG", "112", "PAK") in triples(code(pipeline, "Afghanistan said Pakistan was behind the bombing."))
    # not for a duty, and not when denied
    assert ("FRA", "010", "ITA") in triples(code(pipeline, "France said Italy was responsible for the talks."))
    assert not [e for e in code(pipeline, "Chile said Peru was not behind the blast.").events if e.cameo == "112"]


def test_trade_measures_disputes_and_figures_of_speech(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2018-04-06")

    # a measure hits its target: sanctions, not force; an air raid still is force
    assert coded("Washington hit Beijing with new duties on aluminium.") == [("163", "USAGOV", "CHNGOV")]
    assert coded("Canadian jets hit militant camps in Syria.")[0][0] == "195"
    # clashing with someone over an issue is a dispute; police and rioters still clash by force
    assert coded("The aide clashed with the president over the budget.")[0][0] == "111"
    assert coded("Police clashed with rioters in Lyon.")[0][0] == "190"
    # jobs and reputations are destroyed only in words; buildings are not
    assert coded("The senator said the treaty had destroyed Mexican jobs.") == [("010", "---LEG", None)]
    assert coded("Gunmen destroyed a police station in Kano.")[0][0].startswith("17")
    # a commission is disbanded, no army demobilized; a militia is
    assert coded("The governor disbanded the election commission.") == []
    assert coded("The government disbanded the tribal militia.")[0][0] == "0874"
    # the intent of a vow is the act vowed, no promise to cooperate besides it
    assert coded("Iran vowed to strike Israeli bases.") == [("138", "IRN", "ISR")]
    # a question is no appeal; a request still is
    assert coded("Moscow asked why London had expelled its diplomats.") == []
    assert coded("Moscow asked London to explain the expulsions.")[0][0].startswith("02")
    # talking to reporters is how words were said, no consultation
    assert coded("The foreign minister spoke to reporters in Ankara.") == []


def test_coercion_doerless_cooperation_and_meetings_at_home(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2018-04-06")

    # forcing someone is coercion (170), not an administrative sanction (172); ordering them still is
    assert ("170", None, "---REB") in coded("The bombing forced the rebels to surrender.")
    # a concession needs someone who makes it; a bomb still kills without a named doer
    assert coded("A compromise would let the militants remain in the city.") == []
    assert coded("A car bomb killed three policemen.")[0][:2] == ("183", None)
    # a meeting in one side's capital is the other side's visit
    assert coded("Indian Foreign Minister Sushma Swaraj met Chinese Foreign Minister Wang Yi in Beijing.") == [
        ("042", "INDGOV", "CHNGOV")
    ]
    assert coded("Xi Jinping met Vladimir Putin in Astana.")[0][0] == "044"


def test_a_recalled_envoy_is_ones_own(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2018-04-06")

    # the target is where the envoy served, not the envoy
    assert coded("The African Union recalled its envoy to Burundi.") == [("161", "IGOAFRAFU", "BDI")]
    assert coded("Canada recalled its ambassador from Riyadh.") == [("161", "CAN", "SAUGOV")]
    # an envoy of the other side is expelled
    assert coded("Poland expelled the Russian ambassador.")[0][:3] == ("161", "POL", "RUSGOV")


def test_backing_down_is_a_retreat(pipeline: Pipeline) -> None:
    c = pipeline(Article(text="The cabinet backed down over the fuel levy.", doc_id="t", date="2018-04-06"))
    assert [e.cameo for e in c.events] == ["080"]


def test_a_vague_now_dates_no_event_and_chastising_is_criticism(pipeline: Pipeline) -> None:
    c = pipeline(
        Article(text="Kenya's opposition leader now chastised the interior minister.", doc_id="t", date="2018-04-06")
    )
    assert [(e.cameo, e.date) for e in c.events] == [("111", "2018-04-06")]
    assert all(not (e.date or "").endswith("_REF") for e in c.events)


def test_charges_for_a_crime_passive_conjuncts_and_words_that_are_no_attack(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2018-04-06")
    # charged with a crime is legal action (173); with a failing it stays an accusation (112)
    assert coded("Kenyan prosecutors charged the former governor with bribery.")[0][0] == "173"
    assert coded("The Kenyan opposition charged the government with incompetence.")[0][0] == "112"
    # a passive conjunct shares its subject as the one acted on
    assert coded("The Ghanaian envoy approached the French government but was rebuffed by Paris.") == [
        ("120", "FRAGOV", "GHAGOV")
    ]
    # aimed at an audience, received a trade delegation, remarks concerning refugees: no attack, no
    # peacekeepers, no accusation
    assert coded("Egypt's campaign was an appeal, targeted to an audience of Gulf investors.") == []
    assert [d[0] for d in coded("Ghana received a Ukrainian trade mission on Tuesday.")] == ["043"]
    remarks = "The Kenyan parliament condemned the statements concerning Somali refugees."
    assert coded(remarks) == [("111", "KENLEG", None)]


def test_phrasal_senses_that_are_no_support_seizure_sanction_or_appeal(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2018-04-06")
    assert coded("Ottawa backed out of the pipeline accord with Beijing.") == []
    assert coded("Greek newspapers seized upon the Turkish minister's comments.") == []
    assert coded("The budget was sanctioned by the Nigerian senate.") == []
    assert coded("The Estonian prime minister called a meeting of Baltic leaders.") == []
    # the senses they are kept for
    assert [d[0] for d in coded("Customs officers seized Iranian oil tankers.")] == ["171"]
    assert coded("Canada sanctioned Venezuela over the election.") == [("163", "CAN", "VEN")]
    assert coded("Hungary called off its talks with Ukraine.") == [("164", "HUN", "UKR")]


def test_weapons_tests_and_an_occupation_named_as_a_noun(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2018-04-06")
    assert coded("Pakistan tested a cruise missile on Thursday.") == [("150", "PAK", None)]
    assert coded("Pakistan conducted a nuclear test near the border.") == [("150", "PAK", None)]
    assert coded("Pupils in Lahore sat a history test.") == []
    assert coded("The Moroccan occupation of Western Sahara drew protests.")[0][:2] == ("192", "MAR")


def test_statements_of_those_the_lead_names_take_its_day(pipeline: Pipeline) -> None:
    text = (
        "President Ruto of Kenya held a phone call with President Museveni of Uganda on Tuesday, the foreign "
        "ministry said.\n\nMuseveni praised Kenya for its help with the pipeline. Museveni said exports would "
        "double. Tanzania criticized Uganda."
    )
    c = pipeline(Article(text=text, doc_id="t", date="2024-03-07"))  # a Thursday
    dated = {(e.cameo, e.source.code if e.source else None): e.date for e in c.events}
    assert dated[("041", "KENGOV")] == "2024-03-05"
    assert dated[("051", "UGAGOV")] == "2024-03-05"  # Museveni, named in the lead, on the day of the call
    assert dated[("111", "TZA")] == "2024-03-07"  # Tanzania is not in the lead: the publication date
    assert [q.date for q in c.quotes if q.text.startswith("exports")] == ["2024-03-05"]
    # without a dated lead nothing moves
    c = pipeline(Article(text="Museveni praised Kenya for its help.", doc_id="t", date="2024-03-07"))
    assert [(e.date, e.date_source) for e in c.events] == [("2024-03-07", "article")]
    # a lead whose news is of the day of publication dates nothing by an older day inside it
    text = (
        "Kenya accused Uganda on Thursday of closing the border on Monday, stranding hundreds of lorries.\n\n"
        "Museveni praised Tanzania for its help."
    )
    c = pipeline(Article(text=text, doc_id="t", date="2024-03-07"))
    assert [(e.date, e.date_source) for e in c.events if e.cameo == "051"] == [("2024-03-07", "article")]


def test_a_when_clause_and_its_main_clause_share_their_time(pipeline: Pipeline) -> None:
    c = pipeline(Article(text="When it joined the alliance in 2004, Slovenia pledged troops to Iraq.", doc_id="t",
                         date="2018-04-06"))  # fmt: skip
    assert [(e.cameo, e.date) for e in c.events] == [("0334", "2004")]
    c = pipeline(Article(text="When Croatia criticized Serbia, Hungary backed Serbia in 2003.", doc_id="t",
                         date="2018-04-06"))  # fmt: skip
    assert {e.cameo: e.date for e in c.events} == {"111": "2003", "051": "2003"}


def test_a_headline_participle_is_a_passive(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2016-03-01")
    # a headline line leaves out the auxiliary: the subject is the one attacked, and the issue is no target
    assert coded("Merkel attacked on Greek debt\n\nThe chancellor faced angry questions in parliament.") == [
        ("111", None, "DEUGOV")
    ]
    assert coded("Merkel was criticised over the refugee plan.") == [("111", None, "DEUGOV")]
    assert coded("Rebels attacked Kabul.")[0][:2] == ("190", "---REB")  # an object: active


def test_descriptions_that_are_no_events(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2016-03-01")
    assert coded("Poor fishermen were the worst-hit, the agency said.") == []
    assert [c for c, _, _ in coded("Dutch soldiers based in Mali ought to come home, the senator argued.")] == ["010"]
    assert [c for c, _, _ in coded("German troops stationed in Lithuania will stay, the minister said.")] == ["010"]
    assert coded("Russia sent troops to Syria.") == [("074", "RUS", "SYR")]
    assert coded("In July Slovakia takes over the rotating EU presidency from the Dutch.") == []
    assert coded("Canada said its trade with Mexico was worth $30bn last year.") == [("010", "CAN", None)]
    assert coded("Canada will expand trade with Mexico.") == [("0311", "CAN", "MEX")]


def test_a_warning_that_no_one_will_act_is_pessimism(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2016-03-01")
    assert coded("The World Bank warned that Ghana's debt was too high.") == [("012", "IGOUNODEVWBK", "GHA")]
    assert coded("The European Union warned that the talks might fail.") == [("012", "IGOEUREEC", None)]
    assert ("130", "USA", "IRN") in coded("The US warned Iran that it would face sanctions.")
    assert ("130", "USA", "IRN") in coded("The US warned Iran of serious consequences.")


def test_blocked_bids_dislike_giving_way_and_receiving(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2016-03-01")
    assert coded("Germany blocked Turkey's bid to join the bloc.") == [("129", "DEU", "TUR")]
    assert coded("Many farmers dislike French subsidies.") == [("110", "---AGR", "FRA")]
    assert coded("Greece bowed to German pressure.") == [("083", "GRC", "DEU")]
    assert coded("Belgrade says it will never bow to pressure over Kosovo.") == [("124", "SRBGOV", None)]
    # the giver named after "from" is the source
    assert coded("Ukraine will get $1bn in loans from Japan.") == [("0331", "JPN", "UKR")]


def test_companions_of_the_subject_and_the_topic_of_talks(pipeline: Pipeline) -> None:
    coded = partial(dyads, pipeline, date="2016-03-01")
    assert coded("Norway, along with Sweden and Finland, was invited to the talks.") == [
        ("020", None, "NOR"), ("020", None, "SWE"), ("020", None, "FIN")
    ]  # fmt: skip
    assert coded("Germany, together with France, condemned Iran.") == [("111", "DEU", "IRN"), ("111", "FRA", "IRN")]
    assert coded("Germany and France will discuss Ukraine.") == [("036", "DEU", "FRA"), ("036", "FRA", "DEU")]


def located(pipeline: Pipeline, text: str, date: str = "2016-03-01") -> list[tuple[str, str | None]]:
    """(CAMEO code, location name) of each event coded in ``text``."""
    c = pipeline(Article(text=text, doc_id="t", date=date))
    return [(e.cameo, e.location.name if e.location else None) for e in c.events]


def test_arranged_and_prospective_events_are_intended(pipeline: Pipeline) -> None:
    coded = partial(code, pipeline, date="2016-03-01")
    modes = lambda text: {(e.cameo, e.modality) for e in coded(text).events}  # noqa: E731
    assert modes("The IMF is to hold loan talks with Ghana.") == {("036", "intent")}  # "is to": arranged
    assert modes("Spain and Portugal are to work together on energy.") == {("032", "intent")}
    assert modes("Chancellor Merkel is due to meet President Putin on Monday.") == {("036", "intent")}
    assert modes("The accord will allow Japan to invest in new ports in Kenya.") == {("0311", "intent")}
    assert ("0356", "intent") in modes("Italy and Greece have announced their imminent withdrawal from Lebanon.")
    assert modes("EU trade ban on Belarus 'to be lifted'") == {("035", "intent")}  # a headline's infinitive


def test_where_an_event_took_place(pipeline: Pipeline) -> None:
    where = partial(located, pipeline)
    # a country a measure is "on" is its target, not its place; an attack on a country is there
    assert where("The EU lifted its trade ban on Belarus in 2016.") == [("081", None)]
    assert where("Russian jets launched an attack on Georgia.") == [("190", "Georgia")]
    # the place a visit goes to; the source's nationality is no place
    assert where("Japan's envoy toured Kenya to stress Japanese support for the reforms.") == [("042", "Kenya")]
    assert where("The senator flew to Kiev to stress US support for the government.") == [("042", None), ("051", None)]
    # a participle or a visit that frames the subject; not a past visit, nor a later meeting's place
    assert where("Leaving a Geneva conference, Mr Lavrov said the deal would hold.") == [("010", "Geneva")]
    assert where("President Lula, who is visiting Japan, praised Tokyo.", "2005-03-01") == [
        ("042", "Japan"), ("051", "Japan")
    ]  # fmt: skip
    assert where("Mr Lula, who visited Japan last year, signed a trade deal with Tokyo.", "2005-03-01")[1] == (
        "057", None
    )  # fmt: skip
    assert where("Ahead of a summit in Madrid, Mr Erdogan said the talks had failed.") == [("010", None)]
    # what a criticism is about happened there; the criticism did not
    assert where("Russia criticised the Turkish raid in Aleppo.") == [("111", None)]
    assert where("Russia criticised Turkey in Aleppo.") == [("111", "Aleppo")]


def test_past_events_take_the_time_they_are_tied_to(pipeline: Pipeline) -> None:
    coded = partial(code, pipeline, date="2016-03-01")
    dated = lambda text: [(e.cameo, e.date) for e in coded(text).events]  # noqa: E731
    # an "after" clause or "in the aftermath of" shares a year (not a day: it may be the day before)
    assert ("190", "2011") in dated(
        "NATO imposed an arms embargo on Libya in 2011 after troops fired on protesters in Benghazi."
    )
    assert dated("The embargo was imposed in the aftermath of the army's massacre of students in Gwangju in 1980.") == [
        ("202", "1980")
    ]  # fmt: skip
    # (protesters storming parliament riot: 145)
    assert ("145", "2016-03-01") in dated("The president resigned on Friday after protesters stormed parliament.")
    # "N days before / after": counted from the other clause's day
    assert dated("Her remarks come two days before she is due to meet President Putin.") == [("036", "2016-03-03")]
    assert ("145", "2016-02-23") in dated(
        "The president resigned on Friday, three days after protesters stormed parliament."
    )


def test_first_person_inside_a_direct_quotation_is_its_speaker(pipeline: Pipeline) -> None:
    c = code(pipeline, 'President Karzai said: "We are ready to negotiate with Pakistan."', date="2005-02-15")
    assert ("AFGGOV", "036", "PAK") in triples(c)
    # outside a quotation "we" is nobody the coder knows
    c = code(pipeline, "President Karzai spoke. We are ready to negotiate with Pakistan, a reader wrote.")
    assert not any(e.source is not None and e.source.text == "We" for e in c.events)


def test_supplying_someone_with_arms_or_relief(pipeline: Pipeline) -> None:
    assert ("IRN", "072", "SYR") in triples(code(pipeline, "Iran supplied Syria with missiles."))
    assert ("JPN", "073", "IDN") in triples(code(pipeline, "Japan provided Indonesia with food and tents."))
    # supplies that are neither arms, money nor relief are no aid
    assert not [e for e in code(pipeline, "The firm supplied the hospital with beds.").events if e.cameo[:2] == "07"]


def test_business_and_court_senses_that_are_no_conflict(pipeline: Pipeline) -> None:
    codes = lambda text: {e.cameo for e in code(pipeline, text, date="2005-02-15").events}  # noqa: E731
    # outselling a rival is no attack, and a state taking over a firm occupies no territory
    assert not codes("Toyota overtook Ford as the biggest carmaker in the world.")
    assert not codes("A rescue would mean the state taking control of the airline.")
    assert "192" in codes("Rebels took control of the town on Sunday.")
    # a legal appeal is no CAMEO appeal (020); an appeal to someone or for something still is
    assert "020" not in codes("The Italian ministry said it would appeal against the verdict.")
    assert "020" in codes("The Italian ministry appealed to the United Nations for help.")
    # speaking about a topic consults no one; ending a treaty reduces relations, it signs none
    assert "040" not in codes("The Indian government has spoken for a decade about selling the airline.")
    assert ("USA", "160", "IGOEUREEC") in triples(
        code(pipeline, "The United States cancelled its steel agreement with the EU.", date="2005-02-15")
    )
    # a complaint filed with a forum is against the one complained of, not the forum
    t = triples(code(pipeline, "The EU lodged a complaint against Washington at the WTO.", date="2005-02-15"))
    assert ("IGOEUREEC", "114", "USAGOV") in t and not any(x[2] == "IGOBUSWTO" for x in t)


def test_refusing_to_say_accusations_and_questions(pipeline: Pipeline) -> None:
    codes = lambda text: [e.cameo for e in code(pipeline, text, date="2005-02-15").events]  # noqa: E731
    # refusing to say whether it will act is declining comment, no rejection
    assert codes("The French foreign ministry refused to say whether it would respond.") == ["011"]
    # only a crime or corruption is 1121; an accusation of anything else is 112
    assert codes("The Tories accused the minister of being scared of voters.") == ["112"]
    assert codes("The Tories accused the minister of bribery.") == ["1121"]
    # a question put in debate is no appeal
    assert "020" not in codes('"Is this not a waste of money?" the Tory leader asked.')


def test_claims_and_arguments_are_statements(pipeline: Pipeline) -> None:
    for text in (
        "The Liberal Democrats claimed the cabinet was divided.",
        '"Our budget must change," the German chancellor wrote.',
        "The European Commission acknowledged that the rules had failed.",
    ):
        assert "010" in {e.cameo for e in code(pipeline, text, date="2005-02-15").events}, text


def test_calls_for_reform_and_journeys_with_no_destination(pipeline: Pipeline) -> None:
    assert ("FRA", "020", "IGOUNO") in triples(code(pipeline, "France calls for UN reform.", date="2005-02-15"))
    # travelling round the country, or dropping plans to, is no visit to anyone
    assert not code(pipeline, "The president will travel to several towns to explain his plans.").events
    assert not code(pipeline, "The cabinet abandoned plans to tour the provinces.").events


def test_a_warning_to_two_actors_is_about_both(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "The IMF warned Italy and Spain that their debts were too large.", date="2005-02-15"))
    assert {("IGOBUSIMF", "012", "ITA"), ("IGOBUSIMF", "012", "ESP")} <= t and not any(x[1] == "130" for x in t)
    # a warning about a danger is pessimism too, no threat
    c = code(pipeline, "Party elders warned the president about the risks of a split.", date="2005-02-15")
    assert [e.cameo for e in c.events] == ["012"]


def test_threatened_legal_action_is_no_force(pipeline: Pipeline) -> None:
    assert ("GBR", "130", "FRA") in triples(
        code(pipeline, "Britain threatened legal action against France over the ban.")
    )
    assert ("RUS", "138", "GEO") in triples(code(pipeline, "Russia threatened military action against Georgia."))


def test_criticising_an_attack_and_vowing_revenge(pipeline: Pipeline) -> None:
    # criticism of an act of force needs no named target; a plan or a policy without an owner is no event
    t = triples(code(pipeline, "Egypt and Jordan criticised the raid.", date="2025-06-13"))
    assert {("EGY", "111", ""), ("JOR", "111", "")} <= t
    assert ("AUTGOV", "111", "") in triples(
        code(pipeline, "Austria's chancellor criticised the decision.", date="2025-06-13")
    )
    assert triples(code(pipeline, "The minister criticised the plan.", date="2025-06-13")) == set()
    # a vowed response to a blow is a threat, a promised response to letters is not
    assert ("SYR", "130", "TUR") in triples(
        code(pipeline, "Syria vowed a swift response to the Turkish shelling.", date="2025-06-13")
    )
    assert ("PSEREB", "130", "ISR") in triples(code(pipeline, "Hamas promised revenge against Israel."))
    assert not any(x[1] == "130" for x in triples(code(pipeline, "The mayor promised a response to the letters.")))


def test_a_finite_verb_after_a_passive_acts_in_its_own_right(pipeline: Pipeline) -> None:
    # "was not involved and warned Iran": the shared subject warns, and the negation stays with "involved"
    text = "Washington was not involved and warned Iran not to target American forces."
    assert ("USAGOV", "130", "IRN") in triples(code(pipeline, text, date="2025-06-13"))
    # a participle after a passive is still acted on
    c = code(pipeline, "The colonel was arrested and charged with treason.", date="2025-06-13")
    assert all(e.source is None or e.source.code != "---MIL" for e in c.events)


def test_a_second_verb_joined_to_a_report_is_the_speakers(pipeline: Pipeline) -> None:
    # "said 30 people were detained ... and accused X": the parser joins "accused" to "were detained"; the
    # speaker accuses, not the detainees
    text = "The police said 30 people were detained overnight and accused opposition politicians of stoking the riots."
    t = triples(code(pipeline, text, date="2024-11-20"))
    assert ("---COP", "112", "---OPP") in t
    assert not any(x[0] == "---CVL" for x in t)


def test_a_nationwide_strike_threatened_is_dissent_not_force(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "The Ghana Labour Congress threatened a nationwide strike.", date="2024-11-20"))
    assert ("GHALAB", "133", "") in t
    assert ("ISR", "138", "IRN") in triples(code(pipeline, "Israel threatened a military strike on Iran."))


def test_visits_drills_and_appeals_from_a_summit_report(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "German Chancellor Olaf Scholz wrapped up a two-day visit to India.", date="2023-02-26"))
    assert ("DEUGOV", "042", "IND") in t
    t = triples(code(pipeline, "Russia launched naval drills near Japan.", date="2023-02-26"))
    assert ("RUS", "150", "JPN") in t
    assert not any(x[1] == "150" for x in triples(code(pipeline, "Japan held joint naval drills with India.")))
    # "while" opens a clause of its own: the appeal in it is asserted, not the content of the call before it
    text = (
        "German Chancellor Olaf Scholz met Indian Prime Minister Narendra Modi on Saturday. Modi welcomed "
        "Scholz's call for closer trade, while Scholz urged New Delhi to condemn Moscow."
    )
    assert ("DEUGOV", "020", "INDGOV") in triples(code(pipeline, text, date="2023-02-26"))
    assert ("CHNGOV", "111", "") in triples(
        code(pipeline, "China's foreign ministry criticised the visit.", date="2023-02-26")
    )


def test_a_consequence_clause_is_asserted_and_causing_is_no_event(pipeline: Pipeline) -> None:
    # ", prompting X to expel ...": the expulsion happened; "prompting" itself relates no one to anyone
    text = "Chile's president said he would not accept the result, prompting Caracas to expel Chilean diplomats."
    c = code(pipeline, text, date="2024-07-30")
    expel = [e for e in c.events if e.trigger.text == "expel"]
    assert expel and {e.modality for e in expel} == {"asserted"}
    assert not any(e.trigger.text == "prompting" for e in c.events)


def test_tariffs_raised_negotiators_sent_and_a_past_verb_after_a_modal(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "India raised tariffs on American almonds.", date="2025-04-10"))
    assert ("IND", "163", "USA") in t
    t = triples(code(pipeline, "Vietnam said it would send a negotiating team to Washington.", date="2025-04-10"))
    assert ("VNM", "036", "USAGOV") in t and not any(x[1] == "090" for x in t)
    # "would fight ... and urged": the appeal is made, not intended
    c = code(pipeline, 'Canada said it would "fight back" and urged Washington to drop the duties.', date="2025-04-10")
    assert {e.modality for e in c.events if e.cameo == "020"} == {"asserted"}


def test_a_suicide_bomber_is_no_warplane(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "A suicide bomber killed nine soldiers in Mogadishu.", date="2024-01-20"))
    assert any(x[1] == "1831" for x in t) and not any(x[1] == "195" for x in t)
    assert any(x[1] == "195" for x in triples(code(pipeline, "Russian bombers struck the town of Idlib.")))


def test_a_discussed_topic_and_its_owner_are_no_party_to_the_talk(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "Emmanuel Macron discussed Brazil's coffee exports.", date="2024-05-02"))
    assert t and not any(x[2] == "BRA" for x in t)
    # the one talked with still is
    t = triples(code(pipeline, "Emmanuel Macron discussed the crisis with Brazil.", date="2024-05-02"))
    assert ("FRAGOV", "040", "BRA") in t


def test_a_delegation_sent_to_a_state_visits_it(pipeline: Pipeline) -> None:
    assert ("NORGOV", "042", "FINGOV") in triples(code(pipeline, "Oslo sent a delegation to Helsinki on Friday."))
    assert ("NOR", "042", "FINGOV") in triples(code(pipeline, "Norway dispatched an envoy to Helsinki."))
    # the delegation itself is no target
    t = triples(code(pipeline, "The bank sent a delegation to the conference."))
    assert not any(x[2].endswith("GOV") for x in t)


def test_entering_another_states_airspace_or_waters_shows_force(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "Turkish warplanes violated Greek airspace near Lesbos on Tuesday.", date="2024-03-15"))
    assert ("TURMIL", "150", "GRC") in t
    t = triples(code(pipeline, "Chinese warships intruded into Japanese waters.", date="2024-03-15"))
    assert ("CHNMIL", "150", "JPN") in t
    # going into the water is no incursion
    assert not triples(code(pipeline, "Russian divers entered the water.", date="2024-03-15"))


def test_a_participle_after_a_blamed_act_is_the_blamed_ones(pipeline: Pipeline) -> None:
    text = "The rebels accused the army of shelling civilian areas on Monday, killing at least 12 people."
    t = triples(code(pipeline, text, date="2025-02-20"))
    assert ("---MIL", "1823", "---CVL") in t and not any(x[0] == "---REB" and x[1] == "1823" for x in t)


def test_an_agreement_one_has_is_no_signing(pipeline: Pipeline) -> None:
    text = "The United States, which has a defence treaty with Manila, condemned the attack."
    assert not any(x[1] == "057" for x in triples(code(pipeline, text, date="2024-06-19")))
    assert ("JPN", "057", "PHLGOV") in triples(code(pipeline, "Japan signed a treaty with Manila.", date="2024-06-19"))


def test_a_crowd_storming_a_building_riots_and_water_cannon_repress_it(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "Georgian protesters stormed the parliament building.", date="2023-10-12"))
    assert {x[1] for x in t} == {"145"}
    assert ("RUSMIL", "190", "UKR") in triples(code(pipeline, "Russian troops stormed the Ukrainian town of Bakhmut."))
    t = triples(code(pipeline, "Kenyan police fired tear gas at protesters in Nairobi.", date="2024-06-25"))
    assert ("KENCOP", "175", "KENCVL") in t
    # weapons fired at fighters are no crowd control
    assert not any(x[1] == "175" for x in triples(code(pipeline, "Troops fired grenades at the rebels.")))


def test_a_protest_lodged_is_a_formal_complaint(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "Japan lodged a protest with Beijing.", date="2022-08-04"))
    assert ("JPN", "114", "CHNGOV") in t
    t = triples(code(pipeline, "Students staged a protest against the government.", date="2022-08-04"))
    assert {x[1] for x in t} == {"141"}


def test_a_strike_read_as_a_noun_with_a_participle_is_the_subject(pipeline: Pipeline) -> None:
    # the parser reads "air strike killed" as a noun with a participle ("a strike [that was] killed")
    for text in (
        "An Israeli air strike killed at least 14 people in Rafah.",
        "An Israeli air strike killed at least 14 people in Rafah overnight, Gaza health officials said.",
    ):
        assert ("ISR", "195", "PSECVL") in triples(code(pipeline, text, date="2024-01-10")), text


def test_each_conjoined_speaker_makes_a_statement(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "Mali and Burkina Faso warned that the plan would fail.", date="2023-07-31"))
    assert {x[0] for x in t if x[1] == "012"} == {"MLI", "BFA"}


def test_what_a_crowd_burns_is_not_its_country(pipeline: Pipeline) -> None:
    text = "Thousands of junta supporters rallied outside the French embassy in Niamey, burning French flags."
    t = triples(code(pipeline, text, date="2023-07-31"))
    assert t and not any(x[0].startswith("FRA") for x in t)


def test_the_foreign_country_where_a_struck_thing_lies_is_the_target(pipeline: Pipeline) -> None:
    t = triples(code(pipeline, "India said it had destroyed drone launch sites in Pakistan.", date="2025-05-09"))
    assert ("IND", "1712", "PAK") in t
    t = triples(code(pipeline, "Russian troops attacked Ukrainian positions in Donetsk.", date="2025-05-09"))
    assert ("RUSMIL", "190", "UKR") in t
    # a place of the doer's own country is no target
    assert not any(x[2] for x in triples(code(pipeline, "Rioters burned shops in Paris.", date="2025-05-09")))


def test_victims_and_mediators_are_not_the_armed_or_the_sides(pipeline: Pipeline) -> None:
    text = "Pakistan said Indian missiles had struck three air bases, killing at least 11 civilians."
    assert ("INDMIL", "1823", "PAKCVL") in triples(code(pipeline, text, date="2025-05-09"))
    text = (
        "India and Pakistan exchanged fire across the border. Saudi Arabia and Iran offered to mediate. China "
        "called on both sides to exercise restraint."
    )
    t = triples(code(pipeline, text, date="2025-05-09"))
    assert {x[2] for x in t if x[0] == "CHN"} == {"IND", "PAK"}
    # one of two speakers is not reported by the pair
    c = code(pipeline, "Saudi Arabia and Iran offered to mediate.", date="2025-05-09")
    assert c.events and all(e.reported_by is None for e in c.events)


def test_an_attack_in_a_place_is_what_a_relative_clause_on_the_place_tells_of(pipeline: Pipeline) -> None:
    text = "Militants carried out last month's attack in Pahalgam, which killed 26 tourists."
    t = triples(code(pipeline, text, date="2025-05-09"))
    assert not any(x[1] == "1823" and x[0] == "IND" for x in t)


def test_the_one_a_passive_speaks_of_does_its_infinitive(pipeline: Pipeline) -> None:
    text = "EU trade chief Maros Sefcovic is expected to travel to Washington next week."
    assert ("IGOEUREEC", "036", "USAGOV") in triples(code(pipeline, text, date="2025-04-10"))


def test_a_prisoner_exchange_is_a_release_each_way(pipeline: Pipeline) -> None:
    c = code(pipeline, "Russia and Ukraine exchanged 230 prisoners of war on Saturday.", date="2024-08-25")
    pairs = {(e.source.code, e.target.code) for e in c.events if e.cameo == "0841" and e.source and e.target}
    assert pairs == {("RUS", "UKR"), ("UKR", "RUS")}
    c = code(pipeline, "Hamas handed over the bodies of four hostages.", date="2025-02-20")
    assert [e.cameo for e in c.events] == ["0841"]


def test_killed_in_a_clash_with_someone(pipeline: Pipeline) -> None:
    text = "Twenty Indian soldiers were killed in a clash with Chinese troops in the Galwan Valley on Monday night."
    c = code(pipeline, text, date="2020-06-17")
    assert {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None) for e in c.events} == {
        ("CHNMIL", "1823", "INDMIL")
    }
    c = code(pipeline, "Two policemen were wounded in fighting with militants.", date="2020-06-17")
    assert ("---REB", "---COP") in {(e.source.code, e.target.code) for e in c.events if e.source and e.target}


def test_told_someone_in_a_phone_call(pipeline: Pipeline) -> None:
    text = (
        "Indian External Affairs Minister S. Jaishankar told Chinese Foreign Minister Wang Yi in a phone call on "
        "Wednesday that the clash was the result of planned action by China."
    )
    c = code(pipeline, text, date="2020-06-17")
    got = {(e.source.code, e.cameo, e.target.code if e.target else None) for e in c.events if e.source}
    # the call (not a request: the telling is framed by it), and the statement to the one told
    assert ("INDGOV", "041", "CHNGOV") in got
    assert ("INDGOV", "010", "CHNGOV") in got


def test_a_past_clause_after_a_future_one_is_what_happened(pipeline: Pipeline) -> None:
    text = (
        "Iran said on Thursday it would launch new centrifuges after the U.N. nuclear watchdog's board passed a "
        "resolution criticising Tehran for poor cooperation."
    )
    c = code(pipeline, text, date="2024-11-22")
    criticism = next(e for e in c.events if e.cameo == "111")
    assert criticism.modality == "asserted"


def test_a_declaration_and_a_memorandum_signed(pipeline: Pipeline) -> None:
    text = (
        "Ethiopian Prime Minister Abiy Ahmed and Somali President Hassan Sheikh Mohamud signed a joint declaration "
        "in which they committed to respect each other's sovereignty, Erdogan told a news conference."
    )
    c = code(pipeline, text, date="2024-12-12")
    pairs = {(e.source.code, e.target.code) for e in c.events if e.cameo == "057" and e.source and e.target}
    assert pairs == {("ETHGOV", "SOMGOV"), ("SOMGOV", "ETHGOV")}
    c = code(pipeline, "Addis Ababa signed a memorandum of understanding with Kenya in January.", date="2024-12-12")
    assert [(e.source.code, e.cameo, e.target.code) for e in c.events if e.source and e.target] == [
        ("ETHGOV", "057", "KEN")
    ]


def test_an_incursion_into_a_division_the_tagger_read_as_a_product(pipeline: Pipeline) -> None:
    c = code(pipeline, "Ukrainian forces launched an incursion into the Kursk region.", date="2024-08-25")
    assert [(e.source.code, e.cameo, e.target.code) for e in c.events if e.source and e.target] == [
        ("UKRMIL", "190", "RUS")
    ]


def test_acts_the_accused_are_accused_of(pipeline: Pipeline) -> None:
    text = "The interior minister accused the protesters of looting shops and attacking police stations."
    c = code(pipeline, text, date="2024-10-28")
    attack = next(e for e in c.events if e.trigger.text == "attacking")
    assert attack.source is not None and attack.source.code == "---CVL"


def test_a_pause_in_aid_and_a_meeting_before_it(pipeline: Pipeline) -> None:
    text = (
        "European leaders pledged on Monday to keep supporting Ukraine after U.S. President Donald Trump ordered a "
        "pause in American military aid to Kyiv, days after a heated Oval Office meeting with Volodymyr Zelensky."
    )
    c = code(pipeline, text, date="2025-03-04")
    got = {(e.source.code, e.cameo, e.target.code, e.modality) for e in c.events if e.source and e.target}
    assert ("USAGOV", "162", "UKRGOV", "asserted") in got  # the aid paused, not given
    assert not any(e.cameo == "072" for e in c.events)
    assert ("USAGOV", "044", "UKRGOV", "asserted") in got  # the meeting held, no intent


def test_condolences_offered_are_said(pipeline: Pipeline) -> None:
    text = (
        "The United Nations Secretary-General, Antonio Guterres, said he was appalled by the bombing, and the "
        "United States and China offered condolences to the victims' families."
    )
    c = code(pipeline, text, date="2023-10-09")
    got = [(e.source.code, e.cameo, e.modality, e.reported_by) for e in c.events if e.source]
    assert ("USA", "018", "asserted", None) in got and ("CHN", "018", "asserted", None) in got
    assert not any(e.cameo == "030" for e in c.events)


def test_the_antecedent_of_a_relative_object(pipeline: Pipeline) -> None:
    text = "Afghanistan's Taliban government, which Islamabad accuses of sheltering militants, condemned the bombing."
    c = code(pipeline, text, date="2023-10-09")
    accusation = next(e for e in c.events if e.cameo == "112")
    assert accusation.target is not None and accusation.target.code.startswith("AFG")


def test_a_subject_before_a_relative_clause_the_parser_left_verbless(pipeline: Pipeline) -> None:
    text = (
        "Azerbaijan shelled Armenian positions. Russia, which has about 2,000 peacekeepers in the region, called on "
        "both sides to stop the bloodshed."
    )
    c = code(pipeline, text, date="2023-09-20")
    calls = {(e.source.code, e.target.code) for e in c.events if e.cameo == "020" and e.source and e.target}
    assert calls == {("RUS", "ARM"), ("RUS", "AZE")}


def test_ones_own_name_for_ones_act_is_no_criticism(pipeline: Pipeline) -> None:
    text = 'Azerbaijan launched what it called "anti-terrorist" operations in the region on Tuesday.'
    c = code(pipeline, text, date="2023-09-20")
    assert not any(e.cameo in {"111", "020"} for e in c.events)


def test_what_a_speaker_does_not_believe_is_not_asserted(pipeline: Pipeline) -> None:
    text = "Biden said he did not believe there was any imminent attempt on the part of China to invade Taiwan."
    c = code(pipeline, text, date="2022-11-15")
    assert not any(e.cameo.startswith("19") for e in c.events)


def test_a_vow_of_an_act_is_the_act_intended(pipeline: Pipeline) -> None:
    text = (
        "A Houthi spokesman said the strikes had been a big mistake and vowed that the group would continue to "
        "target ships."
    )
    c = code(pipeline, text, date="2024-01-13")
    assert [(e.cameo, e.modality) for e in c.events if e.trigger.text in {"vowed", "target"}] == [("138", "intent")]


def test_calling_an_act_a_name_is_no_appeal_and_a_call_by_phone(pipeline: Pipeline) -> None:
    text = 'British Prime Minister Rishi Sunak called the action "limited, necessary and proportionate".'
    assert not any(e.cameo == "020" for e in code(pipeline, text, date="2024-01-13").events)
    assert [e.cameo for e in code(pipeline, "China called on Japan to stop.").events] == ["020"]
    text = "President Mohamed Bazoum was held. U.S. Secretary of State Antony Blinken spoke with Bazoum by phone."
    c = code(pipeline, text, date="2023-07-20")
    assert ("USAGOV", "041") in {(e.source.code, e.cameo) for e in c.events if e.source}


def test_an_accusation_joined_to_a_report_and_regions_recognised(pipeline: Pipeline) -> None:
    text = (
        "In a televised address, Putin said Ukraine was an integral part of Russia's history and accused Kyiv of "
        "persecuting Russian speakers."
    )
    c = code(pipeline, text, date="2022-02-22")
    accusations = [(e.source, e.target) for e in c.events if e.trigger.text == "accused"]
    assert [(s.code if s else None, t.code if t else None) for s, t in accusations] == [("RUSGOV", "UKRGOV")]
    text = "President Vladimir Putin recognised two breakaway regions in eastern Ukraine as independent on Monday."
    c = code(pipeline, text, date="2022-02-22")
    assert [(e.source.code, e.cameo, e.target.code) for e in c.events if e.source and e.target] == [
        ("RUSGOV", "054", "UKR")
    ]


def test_welcoming_a_decision_receives_no_one(pipeline: Pipeline) -> None:
    got = dyads(
        pipeline, '"We welcome the decision of the Turkish parliament," U.S. Ambassador Jeff Flake said.', "2024-01-24"
    )
    assert ("051", "USAGOV", "TURLEG") in got and not any(code == "043" for code, _, _ in got)
    assert ("043", "TURGOV", "RUSGOV") in dyads(pipeline, "Erdogan welcomed Putin to Ankara.", "2024-01-24")


def test_leaving_for_a_place_is_the_journey_there(pipeline: Pipeline) -> None:
    assert dyads(pipeline, "Yoon left for Tokyo on Thursday.", "2023-03-17") == [("042", "KORGOV", "JPNGOV")]


def test_taking_necessary_controls_takes_no_ground(pipeline: Pipeline) -> None:
    text = "China's coast guard said it had taken necessary controls against Philippine ships."
    assert not any(code == "192" for code, _, _ in dyads(pipeline, text, "2023-08-07"))
    assert ("192", "RUSMIL", None) in dyads(pipeline, "Russian forces took control of Avdiivka.", "2024-02-17")


def test_a_warning_about_ones_own_response_is_no_comment_on_oneself(pipeline: Pipeline) -> None:
    text = "Iran's mission to the United Nations warned that Iran's response would be more severe if Israel retaliated."
    got = dyads(pipeline, text, "2024-04-14")
    assert [d for d in got if d[0] == "012"] and not any(t == "IRN" for code, _, t in got if code == "012")


def test_a_second_speaker_in_a_while_clause_speaks_for_himself(pipeline: Pipeline) -> None:
    text = (
        "Sudan's paramilitary Rapid Support Forces (RSF) said in a statement it was committed to the ceasefire, "
        "while a Sudanese army spokesman said the military would respond to any attack."
    )
    c = code(pipeline, text, date="2023-05-21")
    said = next(e for e in c.events if e.trigger.text == "said" and e.trigger.start > 100)
    assert said.reported_by is None


def test_a_state_that_bombs_strikes_from_the_air(pipeline: Pipeline) -> None:
    got = dyads(pipeline, "The United States bombed three nuclear sites on Sunday.", "2025-06-23")
    assert [code for code, _, _ in got] == ["195"]  # not 183, a bombing by a planted device
    assert ("183", "AFGREB", "AFGGOV") in dyads(pipeline, "Militants bombed a market in Kabul.", "2025-06-23")


def test_the_target_of_a_barrage_fired_at_a_state(pipeline: Pipeline) -> None:
    text = "Iran's Revolutionary Guards fired a barrage of missiles at Israel on Sunday."
    assert ("195", "IRNMIL", "ISR") in dyads(pipeline, text, "2025-06-23")


def test_a_strike_on_what_the_striker_names_in_a_state(pipeline: Pipeline) -> None:
    text = "The fighting began on Wednesday when India struck what it called terrorist infrastructure in Pakistan."
    assert ("190", "IND", "PAK") in dyads(pipeline, text, "2025-05-11")


def test_calling_something_good_is_praise(pipeline: Pipeline) -> None:
    assert ("051", "KHMGOV", None) in dyads(
        pipeline, 'Cambodian Prime Minister Hun Manet called the meeting "very good".', "2025-07-29"
    )
    assert ("051", "USAGOV", "RUSGOV") in dyads(pipeline, "Trump called Putin a great leader.", "2025-06-23")
    assert ("051", "PRKGOV", None) in dyads(pipeline, 'Kim called the deal the "strongest ever treaty".', "2024-06-20")
    assert ("111", "USAGOV", "RUSGOV") in dyads(pipeline, "Trump called Putin a dictator.", "2025-06-23")


def test_an_accusation_before_a_denial_of_it_was_made(pipeline: Pipeline) -> None:
    text = "Islamabad accuses the Taliban of sheltering militants, a charge Kabul denies."
    got = dyads(pipeline, text, "2025-10-19")
    assert ("112", "PAKGOV", "AFGREB") in got and ("016", "AFGGOV", None) in got
    assert not [d for d in dyads(pipeline, "The rebels deny they attacked the town.", "2025-10-19") if d[0] == "190"]


def test_what_is_done_without_doing_it_is_not_done(pipeline: Pipeline) -> None:
    text = "Dar said Islamabad had always striven for peace without compromising on its sovereignty."
    assert [code for code, _, _ in dyads(pipeline, text, "2025-05-11")] == ["010"]


def test_a_dateline_of_two_places_places_the_events_at_the_first(pipeline: Pipeline) -> None:
    text = "NEW DELHI/ISLAMABAD, May 10 (AP) — India and Pakistan agreed on Saturday to a full ceasefire."
    c = code(pipeline, text, date="2025-05-11")
    assert c.events and all(e.location is not None and e.location.name == "New Delhi" for e in c.events)


def test_leaving_one_place_for_another_is_no_visit_to_the_first(pipeline: Pipeline) -> None:
    assert not dyads(pipeline, "Putin left Pyongyang for Vietnam early on Thursday.", "2024-06-20")


def test_the_parties_of_an_of_phrase_sign_with_each_other(pipeline: Pipeline) -> None:
    text = "The leaders of Armenia and Azerbaijan signed a joint declaration at the White House on Friday."
    got = dyads(pipeline, text, "2025-08-09")
    assert ("057", "ARM", "AZE") in got and ("057", "AZE", "ARM") in got


def test_an_act_that_could_cause_another_is_a_condition(pipeline: Pipeline) -> None:
    text = "Takaichi said a Chinese attack on Taiwan could trigger a military response from Tokyo."
    attack = next(e for e in code(pipeline, text, date="2025-11-18").events if e.trigger.text == "attack")
    assert attack.modality == "hypothetical"
    done = code(pipeline, "The Russian attack on Kyiv killed ten people.", date="2023-06-20")
    assert next(e for e in done.events if e.trigger.text == "attack").modality == "asserted"


def test_ones_own_parliament_may_be_told(pipeline: Pipeline) -> None:
    text = "Prime Minister Sanae Takaichi told parliament on Monday that her comments were consistent with policy."
    assert ("010", "JPNGOV", "JPNLEG") in dyads(pipeline, text, "2025-11-18")


def test_it_in_a_clause_of_a_participle_is_the_subject_of_the_sentence(pipeline: Pipeline) -> None:
    text = (
        "Israel struck the Syrian defence ministry on Wednesday, escalating its attacks as it demanded that Syrian "
        "government forces withdraw from the south."
    )
    assert ("100", "ISR", "SYRMIL") in dyads(pipeline, text, "2025-07-17")


def test_a_name_given_in_a_relative_clause_is_no_call(pipeline: Pipeline) -> None:
    text = "Aliyev raised his country's flag in the city of Khankendi, which Armenians call Stepanakert, on Oct. 15."
    assert not [d for d in dyads(pipeline, text, "2023-10-02") if d[0] == "041"]


def test_a_speaker_in_a_relative_clause_is_not_reported_by_the_sentence(pipeline: Pipeline) -> None:
    text = (
        "Russia said on Monday it was quitting the Black Sea grain deal, a move the United Nations said would hurt "
        "millions of people facing hunger."
    )
    un = next(e for e in code(pipeline, text, date="2023-07-18").events if e.source and e.source.code == "IGOUNO")
    assert un.reported_by is None  # was Russia


def test_a_speakers_own_act_joined_to_what_it_reported(pipeline: Pipeline) -> None:
    text = (
        "China's foreign ministry said the visit undermines peace and stability and summoned U.S. ambassador "
        "Nicholas Burns to protest."
    )
    assert ("161", "CHNGOV", "USAGOV") in dyads(pipeline, text, "2022-08-03")  # no event before
    text = "The ministry said the storm destroyed homes and killed ten people."
    assert not [d for d in dyads(pipeline, text, "2022-08-03") if d[0] == "1823" and d[1]]  # no one killed them


def test_a_clause_that_misread_as_the_object_hides_no_act(pipeline: Pipeline) -> None:
    text = (
        "The Philippine coast guard said in a statement that Chinese ships blocked and fired water cannon at one of "
        "two boats chartered by the military on Saturday, preventing it from delivering food to a grounded warship."
    )
    assert ("CHNMIL", "175") in {(e.source.code if e.source else None, e.cameo) for e in code(pipeline, text).events}


def test_agreeing_sanctions_imposes_them(pipeline: Pipeline) -> None:
    text = "European Union governments agreed on Wednesday an 11th package of sanctions against Russia."
    assert ("IGOEUREEC", "163", "RUS") in triples(code(pipeline, text, date="2023-06-22"))


def test_drills_held_for_days_are_the_verbs_subjects(pipeline: Pipeline) -> None:
    text = "China's military wrapped up three days of combat drills around Taiwan on Monday."
    assert ("CHNMIL", "150", "TWN") in triples(code(pipeline, text, date="2023-04-10"))


def test_met_with_a_response_is_no_meeting(pipeline: Pipeline) -> None:
    text = "Kyiv said any provocation by Russia will be met with an immediate military response."
    assert not [e for e in code(pipeline, text).events if e.cameo[:2] in {"03", "04"}]


def test_forces_that_blockade_ports_impose_a_blockade(pipeline: Pipeline) -> None:
    text = "Russian forces have blockaded Ukraine's ports since February."
    assert ("RUSMIL", "191", "UKR") in triples(code(pipeline, text))
    assert {e.cameo for e in code(pipeline, "Farmers blocked the port of Calais.").events} == {"144"}


def test_a_hope_the_lemmatizer_misreads_is_still_an_intent(pipeline: Pipeline) -> None:
    text = "President Joe Biden said on Monday that he hoped to meet Xi later this year."
    e = next(e for e in code(pipeline, text, date="2023-06-20").events if e.trigger.text == "meet")
    assert (e.cameo, e.modality, e.target.code if e.target else None) == ("036", "intent", "CHNGOV")


def test_the_time_of_what_it_happened_in_dates_the_event(pipeline: Pipeline) -> None:
    text = "Troops clashed again. Several soldiers were injured in the brawl, which took place on Wednesday."
    assert {e.date for e in code(pipeline, text, date="2021-01-25").events if e.trigger.text == "injured"} == {
        "2021-01-20"
    }


def test_a_visiting_guest_is_the_one_told(pipeline: Pipeline) -> None:
    text = (
        "President Xi Jinping had told visiting French President Emmanuel Macron last Thursday that nobody could "
        "expect China to give up its interests, the spokesman said."
    )
    c = code(pipeline, text, date="2023-04-10")
    e = next(e for e in c.events if e.trigger.text == "told")
    assert (e.source.code if e.source else None, e.target.code if e.target else None, e.date) == (
        "CHNGOV",
        "FRAGOV",
        "2023-04-06",
    )
    assert [q.text for q in c.quotes if q.cue and q.cue.text == "told"] == [
        "that nobody could expect China to give up its interests"
    ]


def test_a_second_clause_whose_subject_was_read_as_a_conjunct_of_the_object() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from corridor.pipeline import parse_repairs

    vocab = English().vocab
    # the parser's reading of "Prosecutors charged the guard with assault and Hartmann fired his deputy" in
    # some contexts: "Hartmann" a conjunct of "assault", "fired" a clause without a subject
    words = [
        "Prosecutors",
        "charged",
        "the",
        "guard",
        "with",
        "assault",
        "and",
        "Hartmann",
        "fired",
        "his",
        "deputy",
        ".",
    ]
    heads = [1, 1, 3, 1, 1, 4, 5, 5, 1, 10, 8, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "cc", "conj", "conj", "poss", "dobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "IN", "NN", "CC", "NNP", "VBD", "PRP$", "NN", "."]
    doc = parse_repairs(Doc(vocab, words=words, heads=heads, deps=deps, tags=tags))
    assert (doc[7].dep_, doc[7].head.text) == ("nsubj", "fired")
    assert (doc[8].dep_, doc[8].head.text, doc[6].head.text) == ("conj", "charged", "charged")
    assert doc[5].head.text == "with" and not [c.text for c in doc[5].children]
    # "as the coalition and its allies retreat": both nouns are the subject, the parse is left alone
    words = ["Fighters", "defected", "as", "the", "coalition", "and", "allies", "retreat", "."]
    heads = [1, 1, 1, 4, 2, 4, 4, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "cc", "conj", "advcl", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "CC", "NNS", "VBP", "."]
    doc = parse_repairs(Doc(vocab, words=words, heads=heads, deps=deps, tags=tags))
    assert (doc[6].dep_, doc[6].head.text) == ("conj", "coalition")


def test_sanctions_named_by_what_they_do(pipeline: Pipeline) -> None:
    assert ("NGA", "191", "NER") in triples(code(pipeline, "Nigeria closed its border with Niger.", date="2023-07-31"))
    assert ("CHN", "163", "LTU") in triples(code(pipeline, "China suspended trade with Lithuania."))
    text = "Washington froze the assets of the Afghan central bank."
    assert ("USAGOV", "163", "AFGGOV") in triples(code(pipeline, text))


def test_heavy_weapons_fired_and_fire_returned(pipeline: Pipeline) -> None:
    text = "Afghan border forces fired heavy weapons at Pakistani military posts along the frontier."
    assert ("AFGMIL", "194", "PAKMIL") in triples(code(pipeline, text, date="2024-03-19"))
    assert ("PAKMIL", "190", "") in triples(code(pipeline, "Pakistani troops returned fire.", date="2024-03-19"))


def test_talks_between_a_pair_named_before_are_theirs_not_the_hosts(pipeline: Pipeline) -> None:
    text = (
        "Saudi Arabia and Iran agreed to restore ties. Iraq and Oman hosted earlier rounds of talks between the "
        "two countries in 2021 and 2022."
    )
    pairs = {(s, t) for s, c, t in triples(code(pipeline, text, date="2023-03-11")) if c == "040"}
    assert pairs and pairs <= {("IRN", "SAU"), ("SAU", "IRN")}


def test_a_day_after_dates_the_earlier_act_however_the_parser_hangs_it(pipeline: Pipeline) -> None:
    text = "Pakistan summoned the Afghan envoy on Tuesday, a day after Pakistani jets struck targets in Afghanistan."
    assert {e.date for e in code(pipeline, text, date="2024-03-19").events if e.trigger.text == "struck"} == {
        "2024-03-18"
    }
    text = (
        "NATO leaders gathered in the Lithuanian capital on Tuesday for a two-day summit, a day after Turkey "
        "unexpectedly agreed to drop its objections to Sweden joining the alliance."
    )
    assert {e.date for e in code(pipeline, text, date="2023-07-11").events if e.trigger.text == "agreed"} == {
        "2023-07-10"
    }


def test_fighting_a_problem_or_a_drug_that_kills_is_no_attack(pipeline: Pipeline) -> None:
    text = "Brazil and China pledged to work together on fighting climate change."
    assert not [e for e in code(pipeline, text).events if e.cameo[:2] in {"13", "19"}]
    text = "The president said fentanyl was killing tens of thousands of Americans each year."
    assert not [e for e in code(pipeline, text).events if e.cameo[:2] == "18"]
