/** German first and last names (umlauts and a few names of other origins included, as in a Berlin salon). */

export const FEMALE_FIRST_NAMES = [
  "Anna", "Lena", "Sophie", "Marie", "Laura", "Julia", "Lea", "Hannah", "Mia", "Emma",
  "Clara", "Johanna", "Charlotte", "Katharina", "Sabine", "Petra", "Monika", "Ursula", "Renate", "Birgit",
  "Claudia", "Susanne", "Andrea", "Stefanie", "Nicole", "Sandra", "Kerstin", "Heike", "Martina", "Gabriele",
  "Jana", "Franziska", "Svenja", "Nele", "Merle", "Greta", "Frieda", "Ida", "Lotte", "Paula",
  "Jülide", "Özlem", "Ayşe", "Zoë", "Chloé", "Bärbel", "Jördis", "Hülya", "Małgorzata", "Anaïs",
];

export const MALE_FIRST_NAMES = [
  "Lukas", "Leon", "Finn", "Paul", "Jonas", "Felix", "Maximilian", "Elias", "Noah", "Ben",
  "Thomas", "Michael", "Andreas", "Stefan", "Frank", "Peter", "Klaus", "Wolfgang", "Uwe", "Ralf",
  "Jürgen", "Jörg", "Björn", "Sören", "Günter", "Dieter", "Matthias", "Christian", "Tobias", "Florian",
  "Moritz", "Jannik", "Tim", "Niklas", "Philipp", "Sebastian", "Markus", "Daniel", "Kai", "Ole",
  "Mehmet", "Can", "Emre", "Ömer", "Luca", "Mateusz", "Nikolai", "René", "André", "Timo",
];

export const LAST_NAMES = [
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
  "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
  "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
  "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
  "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
  "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
  "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
  "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
  "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
  "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
  "Löffler", "Fröhlich", "Hübner", "Göbel", "Bäcker", "Nowak", "Kowalski", "Yılmaz", "Öztürk", "Şahin",
  "Kaya", "Demir", "Özdemir", "Nguyen", "Rossi", "Dąbrowski", "Lindström", "Große-Böckmann", "von Düring", "Straßburger",
];

/** Letters an email address keeps from a name: umlauts expanded, accents and spaces dropped. */
export function emailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/ı/g, "i")
    .replace(/ł/g, "l")
    .replace(/[^a-z0-9-]+/g, "");
}
