"""Short news paragraphs written for the systems tests: invented designators, named ships and
look-alikes, in house styles unlike any labelled set. Each case lists the strings that must be found
as systems (`want`) and the ones that must not (`avoid`)."""

from __future__ import annotations

from typing import NamedTuple


class FreshCase(NamedTuple):
    """One paragraph, the system mentions it holds and the look-alikes it holds."""

    text: str
    want: tuple[str, ...]
    avoid: tuple[str, ...] = ()


CASES: tuple[FreshCase, ...] = (
    FreshCase(
        "Updated 14:05. The army of Veldoria has ordered twelve NDX-40 launchers and a stock of "
        "VTM-60 loitering drones, officials said on Tuesday.",
        ("NDX-40", "VTM-60"),
        ("Updated 14:05",),
    ),
    FreshCase(
        "Engineers fitted its QIMU-4 inertial unit, nicknamed “Lodestar”, to the glide bomb after "
        "jamming defeated satellite guidance in the east.",
        ("QIMU-4", "Lodestar"),
    ),
    FreshCase(
        "Police at the summit carried DroneGun Mk4 jammers, and the border guard deployed a Puma "
        "M26-15 armoured vehicle to the crossing.",
        ("DroneGun Mk4", "Puma M26-15"),
    ),
    FreshCase(
        "The air arm will retire its Bell UH-1H Huey II helicopters by 2029 and replace them with "
        "a newer type, the ministry said.",
        ("UH-1H Huey II",),
    ),
    FreshCase(
        "Within minutes the RX-9 Saber counter-battery radar had traced the shells back to a "
        "firing position near the river.",
        ("RX-9 Saber",),
    ),
    FreshCase(
        "Kestrel-3B, a small reconnaissance drone built in Tallinn, flew for six hours during the "
        "trial, while a ZT-120 mortar team practised nearby.",
        ("Kestrel-3B", "ZT-120"),
    ),
    FreshCase(
        "The navy's torpedo stock is the Mk 54 Mod 2, and the Type 7A fast attack craft will carry "
        "eight of them, according to a procurement notice.",
        ("Mk 54 Mod 2", "Type 7A"),
    ),
    FreshCase(
        "Halvard Defence unveiled the Halvard Lodestar QIMU-4 navigation module at the Oslo show; "
        "the company says the QIMU-4 resists spoofing.",
        ("QIMU-4",),
    ),
    FreshCase(
        "Artillery units along the front now rely on the KTR-88. Commanders say the KTR-88 fires "
        "twice as fast as the weapons it replaced.",
        ("KTR-88",),
    ),
    FreshCase(
        "The brigade received the AB-12, AB-14 and AB-20 drones last spring, and the AB-14 has "
        "since flown more than 400 missions.",
        ("AB-12", "AB-14", "AB-20"),
    ),
    FreshCase(
        "EML Sakala and HNLMS Tromp sailed from Tallinn on Monday, joined later by FGS Lübeck and "
        "ITS Carlo Margottini for the Baltic exercise.",
        ("EML Sakala", "HNLMS Tromp", "FGS Lübeck", "ITS Carlo Margottini"),
    ),
    FreshCase(
        "Greek frigate HS Kimon escorted the convoy while TCG Anadolu stayed in port. Indonesia "
        "sent KRI Bung Tomo and India the destroyer INS Mormugao.",
        ("HS Kimon", "TCG Anadolu", "KRI Bung Tomo", "INS Mormugao"),
    ),
    FreshCase(
        "ROKS Sejong the Great, JS Izumo and HMCS Ottawa drilled together, and HMNZS Aotearoa "
        "refuelled the group west of Guam.",
        ("ROKS Sejong the Great", "JS Izumo", "HMCS Ottawa", "HMNZS Aotearoa"),
    ),
    FreshCase(
        "USNS Big Horn and HMAS Brisbane trailed the carrier, and BRP Jose Rizal and PNS Tippu "
        "shadowed the formation from a distance.",
        ("USNS Big Horn", "HMAS Brisbane", "BRP Jose Rizal", "PNS Tippu"),
    ),
    FreshCase(
        "Portugal's NRP Corte-Real and Spain's ESPS Blas de Lezo left Lisbon; SPS Cristóbal Colón "
        "was delayed by an engine fault.",
        ("NRP Corte-Real", "ESPS Blas de Lezo", "SPS Cristóbal Colón"),
    ),
    FreshCase(
        "Coastguards boarded the tanker Svetla Marin off Gotland on Friday, days after the frigate "
        "Almirante Reyes reported a suspicious contact.",
        ("Svetla Marin", "Almirante Reyes"),
    ),
    FreshCase(
        "Six sailors were injured aboard the corvette Tarvo Lind when a fire broke out, the navy "
        "said, adding that the patrol boat Merikotka towed it to port.",
        ("Tarvo Lind", "Merikotka"),
    ),
    FreshCase(
        "The Holland-class patrol vessels will be replaced, and Brunei's KDB Darulehsan and "
        "Malaysia's KD Jebat sailed with RSS Formidable.",
        ("Holland-class", "KDB Darulehsan", "KD Jebat", "RSS Formidable"),
    ),
    FreshCase(
        "Travellers on Route 66 and passengers on Flight 302 were delayed, officials said, "
        "citing COVID-19 rules and Section 232 tariffs.",
        (),
        ("Route 66", "Flight 302", "COVID-19", "Section 232"),
    ),
    FreshCase(
        "Allies invoked Article 5 after the attack. The alliance also reviewed its BA-2 budget "
        "line and the 2025 NSS strategy paper.",
        (),
        ("Article 5", "BA-2"),
    ),
    FreshCase(
        "The air force took delivery of two Super Puma helicopters and upgraded its Tiger attack "
        "helicopters to the Mk III standard.",
        ("Super Puma", "Tiger"),
    ),
    FreshCase(
        "Jamming of GPS and GLONASS signals over the Baltic has grown, and receivers that also use "
        "Galileo and BeiDou satellites fared better, the military said.",
        ("GPS", "GLONASS", "Galileo", "BeiDou"),
    ),
    FreshCase(
        "The Rafale F3R standard added a new targeting pod, and the F4 software release will "
        "follow in 2027, the air force said.",
        ("Rafale F3R",),
        ("F4",),
    ),
    FreshCase(
        "Holiday travel: the Boeing 737 MAX airliner resumed flights from the capital on Sunday "
        "after a software update, the airline said.",
        (),
        ("737 MAX",),
    ),
    FreshCase(
        "The army tested the Varko SR-7 sniper rifle and the Brenner LX-30 grenade launcher at "
        "the range, both made by local firms.",
        ("SR-7", "LX-30"),
    ),
    FreshCase(
        "A Zorya-M heavy transport helicopter crashed in the hills; investigators recovered the "
        "flight recorder of the Zorya-M on Thursday.",
        ("Zorya-M",),
    ),
    FreshCase(
        "Ukraine's forces shot down 41 of 57 Geran-2 drones overnight and intercepted two "
        "Kh-101 cruise missiles, the air force said.",
        ("Geran-2", "Kh-101"),
    ),
    FreshCase(
        "The contract covers 18 Sentinel AX-4 air surveillance radars, 40 MPX-120 interceptors "
        "and training for crews.",
        ("AX-4", "MPX-120"),
    ),
    FreshCase(
        "In the latest test the Skjold-2 anti-ship missile struck a decommissioned hulk, said the "
        "programme office, which wants the HX-3 seeker in production by 2028.",
        ("Skjold-2", "HX-3"),
    ),
    FreshCase(
        "Soldiers showed reporters the VLT-2 counter-drone gun, a rifle-shaped jammer, and the "
        "company's new Orlan-X quadcopter.",
        ("VLT-2", "Orlan-X"),
    ),
    FreshCase(
        "Workers at Plant 4 went on strike, and shares fell 3% in Q2. The CEO called the PX-5 "
        "smartphone a success at the M25 roadworks press event.",
        (),
        ("Plant 4", "Q2", "PX-5", "M25"),
    ),
    FreshCase(
        "Navy divers inspected HMS Dauntless and USS Mason before the pair escorted the "
        "amphibious ship USS Bataan through the strait.",
        ("HMS Dauntless", "USS Mason", "USS Bataan"),
    ),
    # A second batch, written after the rules above, to check they carry over.
    FreshCase(
        "KYIV (Wire) - Crews fired two Vilkha-M rockets at a depot, while an Enot-3 glide kit "
        "turned an old FAB-250 into a guided weapon, officers said.",
        ("Vilkha-M", "Enot-3", "FAB-250"),
    ),
    FreshCase(
        "Its maker says the Stalker XE can loiter for eight hours. The ministry ordered 30 "
        "Stalker XE systems and 12 Sparrowhawk II ground stations.",
        ("Stalker XE",),
    ),
    FreshCase(
        "The coast guard seized the cargo ship Nordic Aster and escorted the bulk carrier Lady "
        "Miriam to port, where inspectors found drone parts.",
        ("Nordic Aster", "Lady Miriam"),
    ),
    FreshCase(
        "MV Sea Falcon was struck by a missile in the Red Sea on Sunday, and its crew abandoned "
        "the vessel, the maritime agency said.",
        ("MV Sea Falcon",),
    ),
    FreshCase(
        "Three Type 3C landing craft and a Type 45 destroyer took part, and the Mk 4 Mod 1 naval "
        "gun was test-fired from the flagship.",
        ("Type 3C", "Type 45", "Mk 4 Mod 1"),
    ),
    FreshCase(
        "The Brauer-class submarines will carry the new SST-6 heavyweight torpedo and the "
        "Harpoon Block II missile.",
        ("Brauer-class", "SST-6", "Harpoon Block II"),
    ),
    FreshCase(
        "A new KAB-1500, guided by a satellite receiver, hit the bridge. The strike used GPS-guided "
        "bombs, the general said, and HS Codes for parts were falsified.",
        ("KAB-1500",),
        ("HS Codes",),
    ),
    FreshCase(
        "Shoppers queued for the PX-9 phone, and Section 5 of the HR-2 bill passed; the A-10 "
        "road was closed for the marathon.",
        (),
        ("Section 5", "HR-2"),
    ),
    FreshCase(
        "The ministry bought two Karhu helicopters and four Norsk Falk fighters, and its pilots "
        "now train on the Albatros L-39NG jet trainer.",
        ("Karhu", "Falk", "L-39NG"),
    ),
    FreshCase(
        "Sources said the regiment's MZ-7 systems, towed 155mm guns, were moved closer to the "
        "border along with TOS-1A launchers.",
        ("MZ-7", "TOS-1A"),
    ),
)
